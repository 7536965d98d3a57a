package dev.orden.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.shared.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedFormTest {

    static JsonObject acme() {
        return Configs.demo("acme");
    }

    private static ActiveConfiguration.Active active(JsonObject bundle) {
        return new ActiveConfiguration.Active(7, bundle);
    }

    private static List<JsonObject> fields(JsonObject form) {
        return form.getJsonArray("sections").getValuesAs(JsonObject.class).stream()
                .flatMap(s -> s.getJsonArray("fields").getValuesAs(JsonObject.class).stream()).toList();
    }

    private static JsonObject field(JsonObject form, String key) {
        return fields(form).stream().filter(f -> f.getString("key").equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theRequesterFormOfRepairInSpanish() {
        var form = new ResolvedForm(active(acme()), "es").of("repair", "requester");
        assertEquals("repair", form.getString("type"));
        assertEquals("requester", form.getString("audience"));
        assertEquals(7, form.getInt("configVersion"));
        assertEquals("es", form.getString("language"));
        assertEquals("Datos", form.getJsonArray("sections").getJsonObject(0).getString("title"));
        assertEquals(List.of("appliance", "brand", "serialNumber", "underWarranty", "warrantyNumber", "purchaseDate",
                "visitAddress", "preferredSlot"), fields(form).stream().map(f -> f.getString("key")).toList());

        var warranty = field(form, "warrantyNumber");
        assertEquals("Número de garantía", warranty.getString("label"));
        assertEquals("Figura en la factura: G-123456", warranty.getString("help"));
        assertEquals("text", warranty.getString("type"));
        assertEquals("^G-[0-9]{6}$", warranty.getString("pattern"));
        assertFalse(warranty.getBoolean("required"));
        var condition = Json.createObjectBuilder().add("field", "underWarranty").add("equals", true).build();
        assertEquals(condition, warranty.getJsonObject("visibleWhen"));
        assertEquals(condition, warranty.getJsonObject("requiredWhen"));

        var appliance = field(form, "appliance");
        assertTrue(appliance.getBoolean("required"));
        assertEquals("Lavadora", appliance.getJsonArray("options").getJsonObject(0).getString("label"));
        assertEquals("washer", appliance.getJsonArray("options").getJsonObject(0).getString("value"));
        assertEquals(jakarta.json.JsonValue.FALSE, field(form, "underWarranty").get("default"));
        assertEquals(60, field(form, "brand").getInt("maxLength"));
        assertFalse(field(form, "brand").containsKey("options"), "rules a field lacks are left out");
        assertFalse(field(form, "brand").containsKey("visibleWhen"));
    }

    @Test
    void theAgentFormInEnglishWithReadOnlyFromTheFormAndMoneyRules() {
        var form = new ResolvedForm(active(acme()), "en").of("repair", "agent");
        assertEquals("agent", form.getString("audience"));
        assertEquals("Details", form.getJsonArray("sections").getJsonObject(0).getString("title"));
        assertEquals("Warranty number", field(form, "warrantyNumber").getString("label"));
        assertEquals("On the invoice: G-123456", field(form, "warrantyNumber").getString("help"));
        assertEquals("Washing machine",
                field(form, "appliance").getJsonArray("options").getJsonObject(0).getString("label"));
        assertTrue(field(form, "underWarranty").getBoolean("readOnly"), "read-only from the form entry");
        assertFalse(field(form, "brand").getBoolean("readOnly"));
        var cost = field(form, "partsCost");
        assertEquals("money", cost.getString("type"));
        assertEquals("EUR", cost.getString("currency"));
        assertEquals(2, cost.getInt("decimals"));
        assertEquals(0, cost.getJsonNumber("min").intValue());
        assertTrue(cost.getBoolean("internal"), "staff only: the page marks it");
        assertFalse(field(form, "brand").containsKey("internal"));
        assertEquals(10, fields(form).size());
    }

    @Test
    void retiredFieldsAreLeftOutAndReadOnlyFieldsStayReadOnly() {
        var bundle = acme();
        bundle = Configs.withFieldFlag(bundle, "brand", "retired");
        bundle = Configs.withFieldFlag(bundle, "serialNumber", "readOnly");
        var form = new ResolvedForm(active(bundle), "es").of("repair", "requester");
        var keys = fields(form).stream().map(f -> f.getString("key")).toList();
        assertFalse(keys.contains("brand"), keys.toString());
        assertTrue(keys.contains("appliance"));
        assertTrue(field(form, "serialNumber").getBoolean("readOnly"), "read-only from the field itself");
    }

    @Test
    void aSectionWhoseFieldsAreAllRetiredIsLeftOut() {
        var bundle = acme();
        for (var key : List.of("complaintReason", "relatedOrder")) bundle = Configs.withFieldFlag(bundle, key, "retired");
        var form = new ResolvedForm(active(bundle), "es").of("complaint", "requester");
        assertEquals(0, form.getJsonArray("sections").size());
    }

    @Test
    void anUnknownTypeAndAMissingFormAreNotFound() {
        var resolver = new ResolvedForm(active(acme()), "es");
        var unknown = assertThrows(ProblemException.class, () -> resolver.of("nope", "requester"));
        assertEquals(404, unknown.problem().status());
        assertTrue(unknown.getMessage().contains("'nope'"), unknown.getMessage());
        var noForm = assertThrows(ProblemException.class, () -> resolver.of("general", "agent"));
        assertEquals(404, noForm.problem().status());
        assertTrue(noForm.getMessage().contains("agent form") && noForm.getMessage().contains("'general'"),
                noForm.getMessage());
    }

    @Test
    void typeSummariesInTheBundleOrderAndLanguage() {
        var es = TypeSummaries.of(active(acme()), "es").getValuesAs(JsonObject.class);
        assertEquals(List.of("repair", "installation", "complaint", "general"),
                es.stream().map(t -> t.getString("key")).toList());
        assertEquals(Json.createObjectBuilder().add("key", "repair").add("name", "Reparación").add("icon", "wrench")
                .add("color", "#e11d48").add("defaultPriority", "NORMAL").build(), es.getFirst());
        var en = TypeSummaries.of(active(acme()), "en").getValuesAs(JsonObject.class);
        assertEquals("Complaint", en.get(2).getString("name"));
        assertEquals("HIGH", en.get(2).getString("defaultPriority"));
    }
}
