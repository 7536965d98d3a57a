package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.enc;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.listAll;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Work orders under acme's configuration: its types, its custom fields, and a newer version that drops a field. */
class WorkOrderCustomFieldsIT {

    static Api dispatcher;
    static Api admin;

    @BeforeAll
    static void users() {
        dispatcher = Api.as(It.ACME_DISPATCHER);
        admin = Api.as(It.ACME_ADMIN);
    }

    @Test
    void aValidOrderIsStoredWithItsDefaultsAndTheActiveConfigurationVersion() {
        var active = Configs.active(admin).getInt("version");
        var order = create(dispatcher, order(It.unique("valid repair")).add("type", "repair")
                .add("customFields", Configs.acmeVisit().add("serialNumber", "AB-1234").add("brand", "Bosch")));
        var custom = get(dispatcher, order.getString("id")).getJsonObject("customFields");
        assertEquals("washer", custom.getString("appliance"));
        assertEquals("AB-1234", custom.getString("serialNumber"));
        assertFalse(custom.getBoolean("underWarranty"), "the default of underWarranty is stored: " + custom);
        assertEquals(active, order.getInt("configVersion"));
    }

    @Test
    void everyCustomFieldErrorIsReportedInOne422AndNothingIsStored() {
        var title = It.unique("broken repair");
        var body = order(title).add("type", "repair").add("customFields", Json.createObjectBuilder()
                .add("underWarranty", true)          // makes warrantyNumber visible and required
                .add("brand", 5)                     // text
                .add("serialNumber", "lower case!")  // pattern
                .add("purchaseDate", "yesterday")    // date
                .add("preferredSlot", "night")       // not an option
                .add("colour", "red"));              // not a field of repair
        // appliance and visitAddress are required and missing
        assertEquals(Set.of("customFields.appliance", "customFields.visitAddress", "customFields.warrantyNumber",
                        "customFields.brand", "customFields.serialNumber", "customFields.purchaseDate",
                        "customFields.preferredSlot", "customFields.colour"),
                dispatcher.post("/workorders", body.build()).invalidFields());
        assertEquals(List.of(), listAll(dispatcher, "q=" + enc(title)), "nothing was stored");

        var warranty = order(title).add("type", "repair").add("customFields", Configs.acmeVisit()
                .add("underWarranty", true).add("warrantyNumber", "G-12345"));
        assertEquals(Set.of("customFields.warrantyNumber"), dispatcher.post("/workorders", warranty.build())
                .invalidFields());
        var hidden = order(title).add("type", "repair").add("customFields", Configs.acmeVisit()
                .add("warrantyNumber", "G-123456"));
        assertEquals(Set.of("customFields.warrantyNumber"), dispatcher.post("/workorders", hidden.build())
                .invalidFields(), "a hidden field must not have a value");
        assertEquals(List.of(), listAll(dispatcher, "q=" + enc(title)), "nothing was stored");

        var fine = create(dispatcher, order(title).add("type", "repair").add("customFields", Configs.acmeVisit()
                .add("underWarranty", true).add("warrantyNumber", "G-123456")));
        assertEquals("G-123456", fine.getJsonObject("customFields").getString("warrantyNumber"));
    }

    @Test
    void aTypeTheConfigurationDoesNotHaveIs422OnType() {
        var problem = dispatcher.post("/workorders", order(It.unique("unknown type")).add("type", "install")
                .add("customFields", Configs.acmeVisit()).build());
        assertEquals(Set.of("type"), problem.invalidFields());
    }

    @Test
    void aPatchIsCheckedAgainstTheTypeAndAChangedTypeRevalidatesEverything() {
        var order = create(dispatcher, order(It.unique("patched repair")).add("type", "repair")
                .add("customFields", Configs.acmeVisit()));
        var path = "/workorders/" + order.getString("id");
        assertEquals(Set.of("customFields.serialNumber", "customFields.appliance"), dispatcher.patch(path,
                Json.createObjectBuilder().add("customFields", Json.createObjectBuilder()
                        .add("serialNumber", "x").addNull("appliance")).build(), 1).invalidFields());
        assertEquals(Set.of("customFields.complaintReason", "customFields.appliance", "customFields.visitAddress",
                        "customFields.underWarranty"),
                dispatcher.patch(path, Json.createObjectBuilder().add("type", "complaint").build(), 1)
                        .invalidFields(), "repair's values are not complaint's fields; complaint needs a reason");
        assertEquals(Set.of("type"), dispatcher.patch(path, Json.createObjectBuilder().add("type", "nothing")
                .build(), 1).invalidFields());
        var patched = dispatcher.patch(path, Json.createObjectBuilder().add("customFields",
                Json.createObjectBuilder().add("diagnosis", "Drum bearing")).build(), 1).expect(200).json();
        assertEquals("Drum bearing", patched.getJsonObject("customFields").getString("diagnosis"));
        assertEquals(2, patched.getInt("version"));
    }

    @Test
    void anOrderKeepsWorkingWhenANewerVersionRemovesOneOfItsFields() {
        var original = Configs.active(admin);
        var old = create(dispatcher, order(It.unique("old repair")).add("type", "repair")
                .add("customFields", Configs.acmeVisit().add("brand", "Bosch")));
        assertEquals(original.getInt("version"), old.getInt("configVersion"));
        assertEquals(List.of(), strings(old.getJsonArray("retiredFields")));
        var path = "/workorders/" + old.getString("id");
        try {
            var newer = Configs.publish(admin, without(original.getJsonObject("bundle"), "brand"));

            var read = get(dispatcher, old.getString("id"));
            assertEquals("Bosch", read.getJsonObject("customFields").getString("brand"), "the value is kept");
            assertEquals(original.getInt("version"), read.getInt("configVersion"));
            assertEquals(List.of("brand"), strings(read.getJsonArray("retiredFields")), "and shown as retired");
            var patched = dispatcher.patch(path, Json.createObjectBuilder().add("title", "Still editable")
                    .add("customFields", Json.createObjectBuilder().add("diagnosis", "Pump")).build(), 1)
                    .expect(200).json();
            assertEquals("Pump", patched.getJsonObject("customFields").getString("diagnosis"));
            assertEquals("Bosch", patched.getJsonObject("customFields").getString("brand"));
            assertEquals(Set.of("customFields.brand"), dispatcher.patch(path, Json.createObjectBuilder()
                    .add("customFields", Json.createObjectBuilder().add("brand", "Miele")).build(), 2)
                    .invalidFields(), "a removed field cannot be changed");

            var fresh = create(dispatcher, order(It.unique("new repair")).add("type", "repair")
                    .add("customFields", Configs.acmeVisit()));
            assertEquals(newer, fresh.getInt("configVersion"));
            assertNotEquals(old.getInt("configVersion"), fresh.getInt("configVersion"));
            assertEquals(Set.of("customFields.brand"), dispatcher.post("/workorders", order(It.unique("brand"))
                    .add("type", "repair").add("customFields", Configs.acmeVisit().add("brand", "Bosch")).build())
                    .invalidFields());
        } finally {
            Configs.rollback(admin, original.getInt("version"));
        }
        var restored = get(dispatcher, old.getString("id"));
        assertTrue(restored.getJsonObject("customFields").containsKey("brand"));
        assertEquals(List.of(), strings(restored.getJsonArray("retiredFields")), "offered again after the rollback");
    }

    private static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .toList();
    }

    @Test
    void aUserFieldTakesOnlyMembersWhoCanBeAssigned() {
        var original = Configs.active(admin);
        var bundle = original.getJsonObject("bundle");
        var fields = Json.createArrayBuilder(bundle.getJsonArray("fields")).add(Json.createObjectBuilder()
                .add("key", "technician").add("label", Json.createObjectBuilder().add("es", "Técnico")
                        .add("en", "Technician")).add("type", "user"));
        var types = Json.createArrayBuilder();
        for (var type : bundle.getJsonArray("types").getValuesAs(JsonObject.class)) {
            types.add(!type.getString("key").equals("general") ? type : Json.createObjectBuilder(type)
                    .add("fields", Json.createArrayBuilder(type.getJsonArray("fields")).add("technician")).build());
        }
        var agent = Api.as(It.ACME_AGENT).id();
        var requester = Api.as(It.ACME_REQUESTER).id();
        try {
            Configs.publish(admin, Json.createObjectBuilder(bundle).add("fields", fields).add("types", types)
                    .build());
            var order = create(dispatcher, order(It.unique("with technician")).add("customFields",
                    Json.createObjectBuilder().add("technician", agent)));
            assertEquals(agent, order.getJsonObject("customFields").getString("technician"));
            for (var who : List.of(requester, "not-a-user", "00000000-0000-0000-0000-000000000000")) {
                assertEquals(Set.of("customFields.technician"), dispatcher.post("/workorders",
                        order(It.unique("bad technician")).add("customFields", Json.createObjectBuilder()
                                .add("technician", who)).build()).invalidFields(), who);
            }
        } finally {
            Configs.rollback(admin, original.getInt("version"));
        }
    }

    /** The bundle without field {@code key}: gone from the fields, the types and the forms. */
    private static JsonObject without(JsonObject bundle, String key) {
        var fields = Json.createArrayBuilder();
        bundle.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                .filter(f -> !f.getString("key").equals(key)).forEach(fields::add);
        var types = Json.createArrayBuilder();
        for (var type : bundle.getJsonArray("types").getValuesAs(JsonObject.class)) {
            types.add(type.containsKey("fields")
                    ? Json.createObjectBuilder(type).add("fields", keysWithout(type.getJsonArray("fields"), key))
                    : Json.createObjectBuilder(type));
        }
        var forms = Json.createArrayBuilder();
        for (var form : bundle.getJsonArray("forms").getValuesAs(JsonObject.class)) {
            var sections = Json.createArrayBuilder();
            for (var section : form.getJsonArray("sections").getValuesAs(JsonObject.class)) {
                var placed = Json.createArrayBuilder();
                section.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                        .filter(f -> !f.getString("key").equals(key)).forEach(placed::add);
                sections.add(Json.createObjectBuilder(section).add("fields", placed));
            }
            forms.add(Json.createObjectBuilder(form).add("sections", sections));
        }
        return Json.createObjectBuilder(bundle).add("fields", fields).add("types", types).add("forms", forms)
                .build();
    }

    private static JsonArray keysWithout(JsonArray keys, String key) {
        var kept = Json.createArrayBuilder();
        keys.getValuesAs(JsonString.class).stream().map(JsonString::getString).filter(k -> !k.equals(key))
                .forEach(kept::add);
        return kept.build();
    }
}
