package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portal's view of the active configuration: types and resolved forms, per audience and language. */
class TypeFormIT {

    private static final Api ADMIN = Api.as(It.ACME_ADMIN);
    private static final Api AGENT = Api.as(It.ACME_AGENT);
    private static final Api REQUESTER = Api.as(It.ACME_REQUESTER);
    private static final Api GLOBEX = Api.as(It.GLOBEX_REQUESTER);

    private static Res get(Api api, String path, String acceptLanguage) {
        return api.send("GET", path, null, null,
                acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage));
    }

    private static List<JsonObject> fields(JsonObject form) {
        return form.getJsonArray("sections").getValuesAs(JsonObject.class).stream()
                .flatMap(s -> s.getJsonArray("fields").getValuesAs(JsonObject.class).stream()).toList();
    }

    private static List<String> keys(JsonObject form) {
        return fields(form).stream().map(f -> f.getString("key")).toList();
    }

    private static JsonObject field(JsonObject form, String key) {
        return fields(form).stream().filter(f -> f.getString("key").equals(key)).findFirst().orElseThrow();
    }

    @Test
    void typesAreTheTenantsOwnInTheCallersLanguage() {
        var en = get(REQUESTER, "/types", "en-GB,en;q=0.9").expect(200);
        assertEquals("en", en.header("Content-Language").orElse(null));
        var repair = en.objects().stream().filter(t -> t.getString("key").equals("repair")).findFirst().orElseThrow();
        assertEquals("Repair", repair.getString("name"));
        assertEquals("wrench", repair.getString("icon"));
        assertEquals("#e11d48", repair.getString("color"));
        assertEquals("NORMAL", repair.getString("defaultPriority"));
        assertEquals(List.of("repair", "installation", "complaint", "general"),
                en.objects().stream().map(t -> t.getString("key")).toList());

        var es = get(REQUESTER, "/types", "es-MX").expect(200);
        assertEquals("es", es.header("Content-Language").orElse(null));
        assertEquals("Reparación", es.objects().getFirst().getString("name"));

        var globex = get(GLOBEX, "/types", "en").expect(200).objects().stream().map(t -> t.getString("key")).toList();
        assertEquals(List.of("incident", "preventive", "request", "general"), globex);
    }

    @Test
    void theRepairFormInSpanishAndEnglishWithItsConditionalWarrantyNumber() {
        var en = get(REQUESTER, "/types/repair/form", "fr;q=1, en-US;q=0.8, es;q=0.5").expect(200);
        assertEquals("en", en.header("Content-Language").orElse(null));
        var english = en.json();
        assertEquals("en", english.getString("language"));
        assertEquals("requester", english.getString("audience"), "requesters get the requester form by default");
        assertEquals("repair", english.getString("type"));
        assertEquals(Configs.active(ADMIN).getInt("version"), english.getInt("configVersion"));
        assertEquals("Details", english.getJsonArray("sections").getJsonObject(0).getString("title"));
        var warranty = field(english, "warrantyNumber");
        assertEquals("Warranty number", warranty.getString("label"));
        assertEquals("On the invoice: G-123456", warranty.getString("help"));
        assertEquals("^G-[0-9]{6}$", warranty.getString("pattern"));
        var condition = Json.createObjectBuilder().add("field", "underWarranty").add("equals", true).build();
        assertEquals(condition, warranty.getJsonObject("visibleWhen"));
        assertEquals(condition, warranty.getJsonObject("requiredWhen"));
        assertEquals("Washing machine",
                field(english, "appliance").getJsonArray("options").getJsonObject(0).getString("label"));

        var es = get(REQUESTER, "/types/repair/form", "es-MX,es;q=0.9,en;q=0.8").expect(200);
        assertEquals("es", es.header("Content-Language").orElse(null));
        assertEquals("Número de garantía", field(es.json(), "warrantyNumber").getString("label"));
        assertEquals("Lavadora", field(es.json(), "appliance").getJsonArray("options").getJsonObject(0)
                .getString("label"));

        var byDefault = get(REQUESTER, "/types/repair/form", null).expect(200);
        assertEquals("es", byDefault.header("Content-Language").orElse(null), "Spanish without Accept-Language");
        assertEquals("Datos", byDefault.json().getJsonArray("sections").getJsonObject(0).getString("title"));
    }

    @Test
    void requestersGetTheRequesterFormAndStaffTheAgentForm() {
        var requester = get(REQUESTER, "/types/repair/form?audience=requester", "en").expect(200).json();
        assertFalse(keys(requester).contains("diagnosis"), keys(requester).toString());
        assertFalse(field(requester, "underWarranty").getBoolean("readOnly"));
        REQUESTER.get("/types/repair/form?audience=agent").problem(403, "forbidden");

        var agent = get(AGENT, "/types/repair/form", "en").expect(200).json();
        assertEquals("agent", agent.getString("audience"), "staff get the agent form by default");
        assertTrue(keys(agent).containsAll(List.of("diagnosis", "partsCost")), keys(agent).toString());
        assertTrue(field(agent, "underWarranty").getBoolean("readOnly"), "read-only from the agent form");
        assertEquals("EUR", field(agent, "partsCost").getString("currency"));

        var asRequester = AGENT.get("/types/repair/form?audience=requester").expect(200).json();
        assertEquals("requester", asRequester.getString("audience"));
        assertEquals(keys(requester), keys(asRequester));
        assertEquals("agent", ADMIN.get("/types/complaint/form").expect(200).json().getString("audience"));
    }

    @Test
    void unknownTypesMissingFormsAndBadAudiencesAreProblems() {
        REQUESTER.get("/types/nope/form").problem(404, "not-found");
        var noForm = AGENT.get("/types/general/form?audience=agent").problem(404, "not-found");
        assertTrue(noForm.getString("detail").contains("agent form"), noForm.toString());
        assertTrue(noForm.getString("detail").contains("'general'"), noForm.toString());
        REQUESTER.get("/types/incident/form").problem(404, "not-found");
        GLOBEX.get("/types/repair/form").problem(404, "not-found");
        assertEquals("incident", GLOBEX.get("/types/incident/form").expect(200).json().getString("type"));
        assertTrue(AGENT.get("/types/repair/form?audience=boss").invalidFields().contains("audience"));
        Api.anonymous().get("/types").expect(401);
    }

    @Test
    void aNewlyPublishedVersionChangesTheFormAtOnce() {
        var original = Configs.active(ADMIN);
        var bundle = original.getJsonObject("bundle");
        var warranty = bundle.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("key").equals("warrantyNumber")).findFirst().orElseThrow();
        var label = It.unique("Guarantee");
        var relabelled = Json.createObjectBuilder(warranty)
                .add("label", Json.createObjectBuilder(warranty.getJsonObject("label")).add("en", label)).build();
        var changed = Configs.withField(Configs.withField(bundle, "warrantyNumber", relabelled), "brand",
                Json.createObjectBuilder(bundle.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                        .filter(f -> f.getString("key").equals("brand")).findFirst().orElseThrow())
                        .add("retired", true).build());
        try {
            var version = Configs.publish(ADMIN, changed);
            var form = get(REQUESTER, "/types/repair/form", "en").expect(200).json();
            assertEquals(version, form.getInt("configVersion"));
            assertEquals(label, field(form, "warrantyNumber").getString("label"));
            assertFalse(keys(form).contains("brand"), "a retired field is left out");
        } finally {
            Configs.rollback(ADMIN, original.getInt("version"));
        }
        var after = get(REQUESTER, "/types/repair/form", "en").expect(200).json();
        assertEquals("Warranty number", field(after, "warrantyNumber").getString("label"));
        assertTrue(keys(after).contains("brand"));
    }
}
