package dev.orden.it;

import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attachment fields after an order exists (acme's {@code damage} type, {@code damagePhotos}): a PATCH may name only
 * the order's own public files or the caller's staged uploads (which become its files in the same change); any
 * other id is a 422 on the field and changes nothing. Deleting a file takes it out of the field, with a history
 * entry like any edit.
 */
class AttachmentFieldsIT {

    private static final String FIELD = "customFields." + Uploads.FIELD;

    private static final Api ADMIN = Api.as(It.ACME_ADMIN);
    private static final Api AGENT = Api.as(It.ACME_AGENT);
    private static final Api REQUESTER = Api.as(It.ACME_REQUESTER);
    private static Integer versionBefore;

    @BeforeAll
    static void damageType() {
        versionBefore = Uploads.publishDamageType(ADMIN);
    }

    @AfterAll
    static void rollBack() {
        if (versionBefore != null) Configs.rollback(ADMIN, versionBefore);
    }

    @Test
    void aPatchNamesOnlyTheOrdersOwnFilesOrTheCallersUploads() {
        var order = damageOrder("Golpe en la puerta", "puerta.png");
        var id = order.getString("id");
        var own = fileIds(order).getFirst();
        var other = fileIds(damageOrder("Otro golpe", "otro.png")).getFirst();
        var globex = Api.as(It.GLOBEX_REQUESTER);
        var globexOrder = WorkOrders.create(globex, order("Ajeno").add("type", "general")).getString("id");
        var theirs = AttachmentsIT.uploadTo(globex, globexOrder, "", "ajeno.png").expect(201).json().getString("id");
        var note = WorkOrders.comment(AGENT, id, "nota", "INTERNAL").expect(201).json().getString("id");
        var internal = AttachmentsIT.uploadTo(AGENT, id, "?comment=" + note, "interna.png").expect(201).json()
                .getString("id");
        var pending = Uploads.stage(AGENT, "nueva.png", "image/png", Uploads.png(7, 2000)).expect(201).json()
                .getString("id");

        for (var wrong : List.of(other, theirs, UUID.randomUUID().toString(), "not-an-id")) {
            var res = patch(order, Json.createArrayBuilder().add(file(own)).add(Uploads.ref(pending)).add(file(wrong)));
            var error = res.problem(422, "validation").getJsonArray("errors").getJsonObject(0);
            assertEquals(FIELD, error.getString("field"), res.describe());
            assertEquals("attachment " + wrong + " is not a file of " + order.getString("number"),
                    error.getString("message"));
        }
        var hidden = patch(order, Json.createArrayBuilder().add(file(internal)));
        assertEquals(List.of(FIELD), List.copyOf(hidden.invalidFields()));
        var twice = patch(order, Json.createArrayBuilder().add(file(own)).add(file(own)));
        assertTrue(twice.describe().contains("is named twice"), twice.describe());
        assertEquals(List.of(own), fileIds(WorkOrders.get(AGENT, id)), "nothing changed");
        assertEquals(order.getInt("version"), WorkOrders.get(AGENT, id).getInt("version"));
        assertEquals(2, files(id).size(), "the staged upload did not become a file");

        // Kept by id (the stored name wins over the one sent), and the agent's upload added as a file of the order.
        var changed = patch(order, Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", own).add("name", "renombrada.exe")).add(Uploads.ref(pending)))
                .expect(200).json();
        var value = changed.getJsonObject("customFields").getJsonArray(Uploads.FIELD).getValuesAs(JsonObject.class);
        assertEquals("puerta.png", value.getFirst().getString("name"));
        assertEquals("nueva.png", value.get(1).getString("name"));
        var added = files(id).stream().filter(f -> f.getString("name").equals("nueva.png")).findFirst().orElseThrow();
        assertEquals(added.getString("id"), value.get(1).getString("id"));
        assertEquals("PUBLIC", added.getString("visibility"));
        var history = WorkOrders.history(AGENT, id);
        assertTrue(history.stream().anyMatch(e -> e.getString("kind").equals("ATTACHMENT_ADDED")
                && "nueva.png".equals(e.getString("to", null))), history.toString());
        assertTrue(history.stream().anyMatch(e -> e.getString("kind").equals("UPDATED")
                && FIELD.equals(e.getString("field", null))), history.toString());
        patch(WorkOrders.get(AGENT, id), Json.createArrayBuilder().add(Uploads.ref(pending)))
                .problem(422, "validation");
    }

    @Test
    void deletingAFileTakesItOutOfTheFieldWithAHistoryEntry() {
        var order = damageOrder("Dos fotos", "una.png", "otra.png");
        var id = order.getString("id");
        var ids = fileIds(order);
        REQUESTER.send("DELETE", "/workorders/" + id + "/attachments/" + ids.getFirst(), null, null, Map.of())
                .expect(204);
        var after = WorkOrders.get(AGENT, id);
        assertEquals(List.of(ids.get(1)), fileIds(after));
        assertTrue(after.getInt("version") > order.getInt("version"), "a new version, as any edit");
        var entry = WorkOrders.history(AGENT, id).stream()
                .filter(e -> e.getString("kind").equals("UPDATED") && FIELD.equals(e.getString("field", null)))
                .findFirst().orElseThrow();
        assertTrue(entry.getString("from").contains("una.png") && !entry.getString("to").contains("una.png"),
                entry.toString());

        // The last file goes too, though the field is required: the field is cleared.
        AGENT.send("DELETE", "/workorders/" + id + "/attachments/" + ids.get(1), null, null, Map.of()).expect(204);
        assertFalse(WorkOrders.get(AGENT, id).getJsonObject("customFields").containsKey(Uploads.FIELD));
        assertEquals(0, files(id).size());
    }

    /**
     * Removing a file is an edit of the field to the rules as to people: {@code workorder.updating} may refuse it
     * (then the file stays), {@code workorder.updated} sees the field without it.
     */
    @Test
    void rulesSeeAFilesRemovalAsAnEditOfItsField() {
        var before = Configs.active(ADMIN);
        var bundle = before.getJsonObject("bundle");
        var rules = bundle.containsKey("rules") ? Json.createArrayBuilder(bundle.getJsonArray("rules"))
                : Json.createArrayBuilder();
        rules.add(rule("photos_kept", "workorder.updating", """
                if (!keywords.any(input.order.title, ['keep-photos'])) return [];
                return [{type: 'reject', message: 'the photos are evidence'}];"""));
        rules.add(rule("photos_counted", "workorder.updated", """
                const photos = input.order.customFields.%1$s || [];
                return [{type: 'comment', visibility: 'internal',
                         body: 'photos left: ' + photos.length + ', changed: ' + ('%1$s' in input.change.customFields)}];"""
                .formatted(Uploads.FIELD)));
        Configs.publish(ADMIN, Json.createObjectBuilder(bundle).add("rules", rules).build());
        try {
            var kept = damageOrder("keep-photos " + It.unique("x"), "prueba.png");
            var keptId = kept.getString("id");
            AGENT.send("DELETE", "/workorders/" + keptId + "/attachments/" + fileIds(kept).getFirst(), null, null,
                    Map.of()).problem(422, "rule-rejected");
            assertEquals(fileIds(kept), fileIds(WorkOrders.get(AGENT, keptId)), "the field still names the file");
            assertEquals(1, files(keptId).size(), "the file is still the order's");

            var order = damageOrder(It.unique("Dos fotos contadas"), "una.png", "otra.png");
            var id = order.getString("id");
            AGENT.send("DELETE", "/workorders/" + id + "/attachments/" + fileIds(order).getFirst(), null, null,
                    Map.of()).expect(204);
            var note = WorkOrders.comments(AGENT, id).getLast();
            assertEquals("photos left: 1, changed: true", note.getString("body"));
            assertEquals("INTERNAL", note.getString("visibility"));
        } finally {
            Configs.rollback(ADMIN, before.getInt("version"));
        }
    }

    private static JsonObject rule(String key, String event, String body) {
        return Json.createObjectBuilder().add("key", key).add("name", key)
                .add("events", Json.createArrayBuilder().add(event)).add("order", 100).add("mode", "active")
                .add("onError", "skip").add("source", "function rule(input) {\n" + body + "\n}").build();
    }

    /** A rule's {@code set} may not name files: it could name any order's (or tenant's) file by its id. */
    @Test
    void aRuleCannotSetAnAttachmentField() {
        var foreign = fileIds(damageOrder("Archivo ajeno", "ajeno.png")).getFirst();
        var before = Configs.active(ADMIN);
        var rule = Json.createObjectBuilder().add("key", "file_setter").add("name", "file_setter")
                .add("events", Json.createArrayBuilder().add("workorder.created")).add("order", 100)
                .add("mode", "active").add("onError", "skip").add("source", """
                        function rule(input) {
                          if (!keywords.any(input.order.title, ['files-by-rule'])) return [];
                          return [{type: 'set', fields: {%s: [{id: '%s', name: 'x.png'}]}}];
                        }""".formatted(Uploads.FIELD, foreign));
        var bundle = before.getJsonObject("bundle");
        var rules = bundle.containsKey("rules") ? Json.createArrayBuilder(bundle.getJsonArray("rules"))
                : Json.createArrayBuilder();
        Configs.publish(ADMIN, Json.createObjectBuilder(bundle).add("rules", rules.add(rule)).build());
        try {
            var order = damageOrder("files-by-rule " + It.unique("x"), "propia.png");
            var id = order.getString("id");
            var own = fileIds(order);
            assertEquals(own, fileIds(WorkOrders.get(AGENT, id)), "the field still names the order's own file");
            var effect = AGENT.get("/workorders/" + id + "/rule-traces").expect(200).objects().stream()
                    .filter(trace -> trace.getString("rule").equals("file_setter")).findFirst().orElseThrow()
                    .getJsonArray("effects").getJsonObject(0);
            assertEquals("refused", effect.getString("status"), effect.toString());
            assertTrue(effect.getString("reason").contains("attachment fields are set by people"), effect.toString());
        } finally {
            Configs.rollback(ADMIN, before.getInt("version"));
        }
    }

    /** A damage order created by the requester with {@code names} staged as its photos. */
    private static JsonObject damageOrder(String title, String... names) {
        var photos = Json.createArrayBuilder();
        for (int i = 0; i < names.length; i++) {
            var staged = Uploads.stage(REQUESTER, names[i], "image/png", Uploads.png(title.hashCode() + i, 1500))
                    .expect(201).json();
            photos.add(Uploads.ref(staged.getString("id")));
        }
        return WorkOrders.create(REQUESTER, order(title).add("type", Uploads.TYPE)
                .add("customFields", Json.createObjectBuilder().add(Uploads.FIELD, photos)));
    }

    private static Res patch(JsonObject order, JsonArrayBuilder photos) {
        var body = Json.createObjectBuilder().add("customFields", Json.createObjectBuilder().add(Uploads.FIELD, photos))
                .build();
        return AGENT.patch("/workorders/" + order.getString("id"), body, order.getInt("version"));
    }

    private static JsonObject file(String id) {
        return Json.createObjectBuilder().add("id", id).add("name", "x.png").build();
    }

    private static List<String> fileIds(JsonObject order) {
        var value = order.getJsonObject("customFields").getJsonArray(Uploads.FIELD);
        return value == null ? List.of() : value.getValuesAs(JsonObject.class).stream().map(f -> f.getString("id"))
                .toList();
    }

    private static List<JsonObject> files(String order) {
        return AGENT.get("/workorders/" + order + "/attachments").expect(200).objects();
    }
}
