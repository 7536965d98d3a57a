package dev.orden.it;

import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staged uploads through the API: acme's {@code damage} type requires files in {@code damagePhotos}. A create
 * without them is refused; with the caller's staged uploads it stores their attachments, linked as the field's
 * value, in the same request; another user's, another tenant's, an unknown, a used or an expired upload is a 422 on
 * the field that says nothing more; an expired one is removed by the scheduler; the checks of attachments apply.
 */
class UploadsIT {

    static Api admin;
    static Api agent;
    static Api requester;
    static int versionBefore;
    static UUID acme;

    @BeforeAll
    static void damageType() {
        admin = Api.as(It.ACME_ADMIN);
        agent = Api.as(It.ACME_AGENT);
        requester = Api.as(It.ACME_REQUESTER);
        versionBefore = Uploads.publishDamageType(admin);
        acme = Db.tenantIds().get("acme");
    }

    @AfterAll
    static void rollBack() {
        if (admin != null) Configs.rollback(admin, versionBefore);
    }

    @Test
    void aRequiredAttachmentFieldIsMetByStagedUploadsThatBecomeTheOrdersAttachments() throws IOException {
        var missing = requester.post("/workorders", damage("Sin fotos").build());
        assertEquals(List.of("customFields." + Uploads.FIELD), List.copyOf(missing.invalidFields()));
        assertTrue(missing.json().toString().contains("is required"), missing.describe());

        var first = png(1, 4000);
        var one = Uploads.stage(requester, "golpe 1.png", "image/png", first).expect(201).json();
        var two = Uploads.stage(requester, "golpe 2.png", "image/png", png(2, 3000)).expect(201).json();
        assertEquals("golpe 1.png", one.getString("name"));
        assertEquals("image/png", one.getString("contentType"));
        assertEquals(4000, one.getInt("size"));
        assertTrue(Instant.parse(one.getString("expiresAt")).isAfter(Instant.now().plus(Duration.ofHours(23))));

        var order = WorkOrders.create(requester, damage("Golpe en la puerta").add("customFields",
                Json.createObjectBuilder().add(Uploads.FIELD, Json.createArrayBuilder()
                        .add(Uploads.ref(one.getString("id"))).add(Uploads.ref(two.getString("id"))))));
        var value = order.getJsonObject("customFields").getJsonArray(Uploads.FIELD).getValuesAs(JsonObject.class);
        var files = requester.get("/workorders/" + order.getString("id") + "/attachments").expect(200).objects();
        assertEquals(2, files.size(), files.toString());
        assertEquals(files.stream().map(f -> f.getString("id")).sorted().toList(),
                value.stream().map(v -> v.getString("id")).sorted().toList());
        assertEquals(List.of("golpe 1.png", "golpe 2.png"), value.stream().map(v -> v.getString("name")).sorted()
                .toList());
        assertEquals(2, order.getInt("attachments"));
        var stored = files.stream().filter(f -> f.getString("name").equals("golpe 1.png")).findFirst().orElseThrow();
        assertArrayEquals(first, requester.getBytes(stored.getString("href").replace("/api/v1", ""), "*/*").body());
        assertEquals(2, WorkOrders.history(requester, order.getString("id")).stream()
                .filter(e -> e.getString("kind").equals("ATTACHMENT_ADDED")).count());
        assertEquals(0, Db.countAs(acme, "SELECT count(*) FROM attachment_upload WHERE id IN (?::uuid, ?::uuid)",
                one.getString("id"), two.getString("id")));

        var again = requester.post("/workorders", damage("Otra vez").add("customFields", Json.createObjectBuilder()
                .add(Uploads.FIELD, Json.createArrayBuilder().add(Uploads.ref(one.getString("id"))))).build());
        assertTrue(again.problem(422, "validation").toString().contains("is not one of your uploads"),
                again.describe());
    }

    @Test
    void anotherUsersOrTenantsOrAnUnknownUploadIsAFieldErrorThatRevealsNothing() {
        var mine = Uploads.stage(requester, "mine.png", "image/png", png(3, 1000)).expect(201).json();
        var globex = Uploads.stage(Api.as(It.GLOBEX_REQUESTER), "theirs.png", "image/png", png(4, 1000))
                .expect(201).json();
        for (var attempt : List.of(
                new Object[] {agent, mine.getString("id")},
                new Object[] {requester, globex.getString("id")},
                new Object[] {requester, UUID.randomUUID().toString()},
                new Object[] {requester, "not-an-id"})) {
            var id = (String) attempt[1];
            var res = ((Api) attempt[0]).post("/workorders", damage("Ajeno").add("customFields",
                    Json.createObjectBuilder().add(Uploads.FIELD, Uploads.ref(id))).build());
            var error = res.problem(422, "validation").getJsonArray("errors").getJsonObject(0);
            assertEquals("customFields." + Uploads.FIELD, error.getString("field"), res.describe());
            assertEquals("upload " + id + " is not one of your uploads", error.getString("message"));
        }
        var placeholder = requester.post("/workorders", damage("Sin subir").add("customFields",
                Json.createObjectBuilder().add(Uploads.FIELD, Json.createObjectBuilder().add("id", "x")
                        .add("name", "x.png"))).build());
        assertEquals(List.of("customFields." + Uploads.FIELD), List.copyOf(placeholder.invalidFields()));
        requester.send("DELETE", "/uploads/" + globex.getString("id"), null, null, java.util.Map.of()).expect(404);
        requester.send("DELETE", "/uploads/" + mine.getString("id"), null, null, java.util.Map.of()).expect(204);
        assertEquals(0, Db.countAs(acme, "SELECT count(*) FROM attachment_upload WHERE id = ?::uuid",
                mine.getString("id")));
    }

    @Test
    void anExpiredUploadIsRefusedAndTheSchedulerRemovesItsBytes() throws InterruptedException {
        var staged = Uploads.stage(requester, "tarde.png", "image/png", png(5, 300_000)).expect(201).json();
        var id = staged.getString("id");
        assertEquals(1, Db.countAs(acme, "SELECT count(*) FROM scheduled_job WHERE kind = ? AND key = ?",
                "attachment.upload-expiry", id));
        assertEquals(1, Db.updateAs(acme,
                "UPDATE attachment_upload SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid", id));
        var res = requester.post("/workorders", damage("Caducada").add("customFields",
                Json.createObjectBuilder().add(Uploads.FIELD, Uploads.ref(id))).build());
        assertEquals("upload " + id + " has expired: send the file again",
                res.problem(422, "validation").getJsonArray("errors").getJsonObject(0).getString("message"));

        var key = Db.rowsAs(acme, "SELECT storage_key FROM attachment_upload WHERE id = ?::uuid", id).getFirst()
                .getFirst();
        assertEquals(2, Db.countAs(acme, "SELECT count(*) FROM attachment_chunk WHERE storage_key = ?", key));
        Db.updateAs(acme, "UPDATE scheduled_job SET due_at = now() WHERE kind = ? AND key = ?",
                "attachment.upload-expiry", id);
        var deadline = Instant.now().plusSeconds(30);
        while (Db.countAs(acme, "SELECT count(*) FROM attachment_upload WHERE id = ?::uuid", id) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the expired upload is still there");
            Thread.sleep(200);
        }
        assertEquals(0, Db.countAs(acme, "SELECT count(*) FROM attachment_chunk WHERE storage_key = ?", key));
    }

    @Test
    void stagedFilesPassTheChecksOfAttachments() {
        Uploads.stage(requester, "virus.txt", "text/plain", AttachmentsIT.EICAR.getBytes())
                .problem(422, "content-refused");
        Uploads.stage(requester, "fake.png", "image/png", "%PDF-1.7\n".getBytes()).problem(415,
                "unsupported-media-type");
        Uploads.stage(requester, "", "image/png", png(6, 100)).problem(422, "validation");
    }

    private static byte[] png(long seed, int size) {
        return Uploads.png(seed, size);
    }

    private static jakarta.json.JsonObjectBuilder damage(String title) {
        return order(title).add("type", Uploads.TYPE);
    }
}
