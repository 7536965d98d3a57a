package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tenant administrator's configuration API: versions, draft, publish, rollback, diff, export and import. */
class ConfigAdminIT {

    private static final Api ACME = Api.as(It.ACME_ADMIN);
    private static final Api GLOBEX = Api.as(It.GLOBEX_ADMIN);

    @Test
    void aPublishedDraftBecomesActiveAndARollbackPublishesTheOldBundleAgain() {
        var before = ACME.get("/admin/config").expect(200).json();
        var original = before.getJsonObject("bundle");
        var renamed = renameFirstType(original, It.unique("Renamed"));

        var draft = putDraft(ACME, renamed).expect(200).json();
        assertEquals("DRAFT", draft.getString("status"));
        assertTrue(draft.getBoolean("valid"), draft.toString());
        assertEquals(renamed, ACME.get("/admin/config/draft").expect(200).json().getJsonObject("bundle"));
        assertTrue(ACME.post("/admin/config/draft/validate", JsonValue.EMPTY_JSON_OBJECT).expect(200).json()
                .getBoolean("valid"));

        var published = ACME.post("/admin/config/draft/publish", JsonValue.EMPTY_JSON_OBJECT).expect(200).json();
        var number = published.getInt("version");
        assertEquals(draft.getInt("version"), number);
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals(ACME.id(), published.getString("publishedBy"));
        var active = ACME.get("/admin/config").expect(200).json();
        assertEquals(number, active.getInt("version"));
        assertEquals(renamed, active.getJsonObject("bundle"));
        ACME.get("/admin/config/draft").problem(404, "not-found");

        var newest = ACME.get("/admin/config/versions").expect(200).objects().getFirst();
        assertEquals(number, newest.getInt("version"));
        assertTrue(newest.getBoolean("active"));
        assertFalse(newest.containsKey("bundle"), "the list carries no bundles");

        var patch = ACME.get("/admin/config/diff?from=" + before.getInt("version") + "&to=" + number).expect(200)
                .array();
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("op", "replace")
                .add("path", "/types/0/name/en").add("value", renamed.getJsonArray("types").getJsonObject(0)
                        .getJsonObject("name").getString("en"))).build(), patch);

        var rolledBack = ACME.post("/admin/config/versions/" + before.getInt("version") + "/rollback",
                JsonValue.EMPTY_JSON_OBJECT).expect(200).json();
        assertEquals(number + 1, rolledBack.getInt("version"), "a rollback is a new version, history stays linear");
        assertEquals("Rollback to version " + before.getInt("version"), rolledBack.getString("note"));
        var afterRollback = ACME.get("/admin/config").expect(200).json();
        assertEquals(number + 1, afterRollback.getInt("version"));
        assertEquals(original, afterRollback.getJsonObject("bundle"));
        assertEquals(renamed, ACME.get("/admin/config/versions/" + number).expect(200).json().getJsonObject("bundle"),
                "published versions never change");
    }

    @Test
    void aRollbackWhileADraftIsPendingKeepsTheDraftAndNumbersItAfter() {
        var active = ACME.get("/admin/config").expect(200).json();
        var pending = renameFirstType(active.getJsonObject("bundle"), It.unique("Pending"));
        var draftNumber = putDraft(ACME, pending).expect(200).json().getInt("version");

        var rolledBack = ACME.post("/admin/config/versions/" + active.getInt("version") + "/rollback",
                JsonValue.EMPTY_JSON_OBJECT).expect(200).json();
        assertEquals(draftNumber, rolledBack.getInt("version"));
        var draft = ACME.get("/admin/config/draft").expect(200).json();
        assertEquals(draftNumber + 1, draft.getInt("version"));
        assertEquals(pending, draft.getJsonObject("bundle"));
    }

    @Test
    void anInvalidDraftIsStoredWithItsErrorsButNeverPublished() {
        var activeBefore = ACME.get("/admin/config").expect(200).json();
        var broken = Json.createPatchBuilder()
                .replace("/types/0/workflow", "nowhere")
                .replace("/types/0/color", "blue")
                .replace("/workflows/0/initial", "LIMBO")
                .build().apply(activeBefore.getJsonObject("bundle"));
        var expected = Set.of("/types/0/workflow", "/types/0/color", "/workflows/0/initial");

        var saved = putDraft(ACME, broken).expect(200).json();
        assertFalse(saved.getBoolean("valid"));
        assertEquals(expected, fields(saved));
        assertEquals(broken, ACME.get("/admin/config/draft").expect(200).json().getJsonObject("bundle"));
        assertEquals(expected, ACME.post("/admin/config/draft/validate", JsonValue.EMPTY_JSON_OBJECT).invalidFields());
        assertEquals(expected, ACME.post("/admin/config/draft/publish", JsonValue.EMPTY_JSON_OBJECT).invalidFields());
        assertEquals(activeBefore, ACME.get("/admin/config").expect(200).json(), "nothing was published");

        ACME.send("PUT", "/admin/config/draft", Api.JSON, "[1, 2", Map.of()).problem(400, "malformed-request");
    }

    @Test
    void teamMembersMustBeTheTenantsOwnStaffNamedByEmail() {
        var bundle = ACME.get("/admin/config").expect(200).json().getJsonObject("bundle");
        var members = Json.createArrayBuilder().add("Agent@Acme.test").add("dispatcher@acme.test")
                .add("requester@acme.test").add(It.unique("nobody") + "@acme.test").add("agent@globex.test")
                .add("not an e-mail").add("Marta.Norte@acme.test").add("carlos.centro@acme.test");
        // Marta and Carlos stay: assignment.json describes them, and an agent there must be in some team.
        var draft = Json.createPatchBuilder().replace("/teams/0/members", members.build()).build().apply(bundle);

        var saved = putDraft(ACME, draft).expect(200).json();
        assertFalse(saved.getBoolean("valid"));
        var errors = saved.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(Set.of("/teams/0/members/2", "/teams/0/members/3", "/teams/0/members/4", "/teams/0/members/5"),
                fields(saved), "staff of acme pass, in any letter case");
        assertTrue(errors.stream().allMatch(e -> "teams.json".equals(e.getString("file", null))), errors.toString());
        var byField = errors.stream().collect(java.util.stream.Collectors.toMap(e -> e.getString("field"),
                e -> e.getString("message")));
        assertTrue(byField.get("/teams/0/members/2").contains("not an agent, dispatcher or admin"), byField.toString());
        assertTrue(byField.get("/teams/0/members/4").contains("no member of this tenant"),
                "another tenant's agent is not acme's: " + byField);
        assertEquals(fields(saved), ACME.post("/admin/config/draft/publish", JsonValue.EMPTY_JSON_OBJECT).invalidFields());
    }

    @Test
    void onePartReplacesThatPartOfTheDraftAndKeepsTheRest() {
        var draftBefore = GLOBEX.get("/admin/config/draft");
        var base = draftBefore.status() == 200 ? draftBefore.json().getJsonObject("bundle")
                : GLOBEX.get("/admin/config").expect(200).json().getJsonObject("bundle");
        var teams = Json.createArrayBuilder(base.getJsonArray("teams")).add(Json.createObjectBuilder()
                .add("key", "night_shift")
                .add("name", Json.createObjectBuilder().add("es", "Turno de noche").add("en", "Night shift"))
                .add("members", Json.createArrayBuilder())
                .add("areas", Json.createArrayBuilder())
                .add("skills", Json.createArrayBuilder().add("hvac"))).build();

        var saved = GLOBEX.send("PUT", "/admin/config/draft/teams", Api.JSON, teams.toString(), Map.of())
                .expect(200).json();
        assertTrue(saved.getBoolean("valid"), saved.toString());
        var draft = GLOBEX.get("/admin/config/draft").expect(200).json().getJsonObject("bundle");
        assertEquals(teams, draft.getJsonArray("teams"));
        assertEquals(Json.createObjectBuilder(base).remove("teams").build(),
                Json.createObjectBuilder(draft).remove("teams").build(), "every other part is kept");

        var settings = Json.createObjectBuilder(base.getJsonObject("settings")).add("language", "es").build();
        GLOBEX.send("PUT", "/admin/config/draft/settings", Api.JSON, settings.toString(), Map.of()).expect(200);
        assertEquals(settings, GLOBEX.get("/admin/config/draft").expect(200).json().getJsonObject("bundle")
                .getJsonObject("settings"), "settings, an object part, saved on its own too");

        assertEquals(Set.of("part"), GLOBEX.send("PUT", "/admin/config/draft/nonsense", Api.JSON, "[]", Map.of())
                .invalidFields());
        GLOBEX.send("PUT", "/admin/config/draft/teams", Api.JSON, "{}", Map.of()).problem(400, "malformed-request");
        Api.as(It.GLOBEX_DISPATCHER).send("PUT", "/admin/config/draft/teams", Api.JSON, "[]", Map.of()).expect(403);
    }

    @Test
    void anExportedBundleImportsAsTheDraft() {
        var active = ACME.get("/admin/config").expect(200).json();
        var export = ACME.get("/admin/config/export").expect(200);
        assertEquals("attachment; filename=\"orden-config-acme-v" + active.getInt("version") + ".json\"",
                export.header("Content-Disposition").orElseThrow());
        assertEquals(active.getJsonObject("bundle"), export.json());

        var changed = renameFirstType(export.json(), It.unique("Imported"));
        var imported = ACME.post("/admin/config/import", changed).expect(200).json();
        assertEquals("DRAFT", imported.getString("status"));
        assertTrue(imported.getBoolean("valid"));
        assertEquals(changed, ACME.get("/admin/config/draft").expect(200).json().getJsonObject("bundle"));
    }

    @Test
    void onlyTenantAdminsReachTheConfiguration() {
        for (var user : new String[] {It.ACME_DISPATCHER, It.ACME_AGENT, It.ACME_REQUESTER}) {
            var api = Api.as(user);
            api.get("/admin/config").problem(403, null);
            api.get("/admin/config/versions").problem(403, null);
            api.post("/admin/config/draft/publish", JsonValue.EMPTY_JSON_OBJECT).problem(403, null);
        }
        assertEquals(401, Api.anonymous().get("/admin/config").status());
    }

    @Test
    void aTenantNeverSeesAnotherTenantsVersions() throws SQLException {
        var marker = It.unique("GlobexOnly");
        var globexActive = GLOBEX.get("/admin/config").expect(200).json();
        var globexDraft = putDraft(GLOBEX, renameFirstType(globexActive.getJsonObject("bundle"), marker))
                .expect(200).json().getInt("version");

        var acmeDraft = ACME.get("/admin/config/draft");
        if (acmeDraft.status() != 404) assertFalse(acmeDraft.body().contains(marker));
        var acmeVersion = ACME.get("/admin/config/versions/" + globexDraft);
        if (acmeVersion.status() != 404) assertFalse(acmeVersion.body().contains(marker));
        ACME.get("/admin/config/versions/" + (globexDraft + 10_000)).problem(404, "not-found");
        ACME.post("/admin/config/versions/" + (globexDraft + 10_000) + "/rollback", JsonValue.EMPTY_JSON_OBJECT)
                .problem(404, "not-found");

        var tenants = Db.tenantIds();
        try (var connection = Db.connectAsApp()) {
            connection.setAutoCommit(false);
            try (var bind = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, tenants.get("acme").toString());
                bind.execute();
            }
            try (var count = connection.prepareStatement("SELECT count(*) FROM config_version WHERE tenant_id = ?")) {
                count.setObject(1, tenants.get("globex"));
                try (var rows = count.executeQuery()) {
                    rows.next();
                    assertEquals(0, rows.getLong(1), "row-level security hides globex's versions from acme");
                }
            }
            connection.rollback();
        }
    }

    @Test
    void aVersionActivatedByAnotherServerIsServedAtOnce() throws SQLException {
        var active = GLOBEX.get("/admin/config").expect(200).json();
        var first = GLOBEX.get("/admin/config/versions/1").expect(200).json().getJsonObject("bundle");
        var renamed = renameFirstType(first, It.unique("Newer"));
        putDraft(GLOBEX, renamed).expect(200);
        var newer = GLOBEX.post("/admin/config/draft/publish", JsonValue.EMPTY_JSON_OBJECT).expect(200).json()
                .getInt("version");
        assertEquals(renamed, GLOBEX.get("/admin/config").expect(200).json().getJsonObject("bundle"));

        movePointerAsAnotherServerWould("globex", 1);
        try {
            var served = GLOBEX.get("/admin/config").expect(200).json();
            assertEquals(1, served.getInt("version"), "the cache never hides the database's active version");
            assertEquals(first, served.getJsonObject("bundle"));
        } finally {
            movePointerAsAnotherServerWould("globex", newer);
        }
        assertTrue(newer > active.getInt("version"));
    }

    @Test
    void publishedVersionsCannotBeChangedOrDeletedEvenInTheDatabase() throws SQLException {
        try (var connection = Db.connectAsApp()) {
            connection.setAutoCommit(false);
            try (var bind = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, Db.tenantIds().get("acme").toString());
                bind.execute();
            }
            for (var sql : new String[] {"UPDATE config_version SET note = 'rewritten' WHERE version = 1",
                                         "DELETE FROM config_version WHERE version = 1"}) {
                try (var statement = connection.createStatement()) {
                    statement.execute("SAVEPOINT attempt");
                    var refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                            () -> statement.executeUpdate(sql), sql);
                    assertTrue(Set.of("23514", "42501").contains(refused.getSQLState()), refused.getMessage());
                    statement.execute("ROLLBACK TO SAVEPOINT attempt");
                }
            }
            connection.rollback();
        }
    }

    @Test
    void theDemoTenantsStartWithTheirOwnBundles() {
        assertEquals(java.util.List.of("repair", "installation", "complaint", "general"), typeKeys(ACME));
        assertEquals(java.util.List.of("incident", "preventive", "request", "general"), typeKeys(GLOBEX));
    }

    @Test
    void theSchemasArePublic() {
        var anonymous = Api.anonymous();
        var bundle = anonymous.get("/config/schema/bundle").expect(200).json();
        assertEquals("https://orden.dev/schema/config/bundle.schema.json", bundle.getString("$id"));
        assertEquals("fields.schema.json", bundle.getJsonObject("properties").getJsonObject("fields").getString("$ref"));
        for (var part : new String[] {"common", "fields", "types", "forms", "workflows", "areas", "teams", "sla", "settings",
                                      "notifications", "reminders", "rules", "tenant"}) {
            assertEquals("https://orden.dev/schema/config/" + part + ".schema.json",
                    anonymous.get("/config/schema/" + part + ".schema.json").expect(200).json().getString("$id"));
        }
        anonymous.get("/config/schema/secrets").problem(404, "not-found");
    }

    private static void movePointerAsAnotherServerWould(String slug, int version) throws SQLException {
        try (var connection = Db.connectAsApp()) {
            connection.setAutoCommit(false);
            try (var bind = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, Db.tenantIds().get(slug).toString());
                bind.execute();
            }
            try (var move = connection.prepareStatement("UPDATE tenant_config_active SET version = ?")) {
                move.setInt(1, version);
                assertEquals(1, move.executeUpdate());
            }
            connection.commit();
        }
    }

    private static java.util.List<String> typeKeys(Api admin) {
        return admin.get("/admin/config/versions/1").expect(200).json().getJsonObject("bundle").getJsonArray("types")
                .getValuesAs(JsonObject.class).stream().map(t -> t.getString("key")).toList();
    }

    private static Res putDraft(Api api, JsonObject bundle) {
        return api.send("PUT", "/admin/config/draft", Api.JSON, bundle.toString(), Map.of());
    }

    private static JsonObject renameFirstType(JsonObject bundle, String englishName) {
        return Json.createPatchBuilder().replace("/types/0/name/en", englishName).build().apply(bundle);
    }

    private static Set<String> fields(JsonObject draft) {
        return Set.copyOf(draft.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList());
    }
}
