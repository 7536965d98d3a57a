package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * acme's internal fields, {@code diagnosis} and {@code partsCost} (staff only): a requester neither sets nor sees
 * them — not in the order, the list, the history (also of changes made before a field became internal) or the live
 * stream — and cannot filter or sort by them, while staff work with them as with any field.
 */
class InternalFieldsIT {

    private static final Api REQUESTER = Api.as(It.ACME_REQUESTER);
    private static final Api DISPATCHER = Api.as(It.ACME_DISPATCHER);

    @AfterAll
    static void closedStreamsDropped() {
        EventStream.letServersDropClosedStreams();
    }

    private static JsonObject requesterRepair(String title) {
        return create(REQUESTER, order(title).add("type", "repair").add("customFields", Configs.acmeVisit()));
    }

    private static JsonObject diagnose(JsonObject order) {
        return DISPATCHER.patch("/workorders/" + order.getString("id"), Json.createObjectBuilder()
                .add("customFields", Json.createObjectBuilder().add("diagnosis", "Worn drum bearing")
                        .add("partsCost", 84.5)).build(), order.getInt("version")).expect(200).json();
    }

    @Test
    void aRequesterCannotSetAnInternalField() {
        var body = order(It.unique("sets the diagnosis")).add("type", "repair").add("customFields",
                Configs.acmeVisit().add("diagnosis", "I think it is the pump").add("partsCost", 0)).build();
        var problem = REQUESTER.post("/workorders", body).problem(422, "validation");
        assertEquals(List.of("customFields.diagnosis", "customFields.partsCost"), problem.getJsonArray("errors")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList());
        assertEquals("is for staff only", problem.getJsonArray("errors").getJsonObject(0).getString("message"));
        DISPATCHER.post("/workorders", body).expect(201); // staff may
    }

    @Test
    void aRequesterSeesNeitherTheValuesNorTheirChanges() {
        var order = diagnose(requesterRepair(It.unique("washer drum")));
        var id = order.getString("id");
        assertEquals("Worn drum bearing", order.getJsonObject("customFields").getString("diagnosis"));

        var seen = WorkOrders.get(REQUESTER, id).getJsonObject("customFields");
        assertEquals(Set.of("appliance", "visitAddress", "underWarranty"), seen.keySet(), seen.toString());
        var listed = WorkOrders.listAll(REQUESTER, "q=" + WorkOrders.enc(order.getString("title"))).getFirst();
        assertEquals(seen, listed.getJsonObject("customFields"), "the list as the order");
        var staffSees = WorkOrders.get(DISPATCHER, id).getJsonObject("customFields");
        assertEquals(84.5, staffSees.getJsonNumber("partsCost").doubleValue());

        var staffHistory = WorkOrders.history(DISPATCHER, id).stream()
                .filter(e -> "customFields.diagnosis".equals(e.getString("field", null))).toList();
        assertEquals(1, staffHistory.size(), staffHistory.toString());
        assertEquals("INTERNAL", staffHistory.getFirst().getString("visibility"));
        assertTrue(WorkOrders.history(REQUESTER, id).stream().map(e -> e.getString("field", ""))
                .noneMatch(field -> field.startsWith("customFields.diagnosis")
                        || field.startsWith("customFields.partsCost")), "the requester's history");
    }

    @Test
    void aFieldMadeInternalLaterHidesItsEarlierChangesFromTheRequester() {
        var admin = Api.as(It.ACME_ADMIN);
        var order = create(REQUESTER, order(It.unique("older change")).add("type", "general"));
        var id = order.getString("id");
        DISPATCHER.patch("/workorders/" + id, Json.createObjectBuilder().add("customFields",
                Json.createObjectBuilder().add("serial", "SN-4411")).build(), order.getInt("version")).expect(200);
        assertTrue(fields(WorkOrders.history(REQUESTER, id)).contains("customFields.serial"), "public until now");

        var before = Configs.active(admin);
        try {
            var bundle = before.getJsonObject("bundle");
            var definitions = Json.createArrayBuilder();
            bundle.getJsonArray("fields").getValuesAs(JsonObject.class).forEach(f -> definitions.add(
                    f.getString("key").equals("serial") ? Json.createObjectBuilder(f).add("internal", true).build() : f));
            Configs.publish(admin, Json.createObjectBuilder(bundle).add("fields", definitions).build());

            assertFalse(fields(WorkOrders.history(REQUESTER, id)).contains("customFields.serial"));
            assertFalse(WorkOrders.get(REQUESTER, id).getJsonObject("customFields").containsKey("serial"));
            assertTrue(fields(WorkOrders.history(DISPATCHER, id)).contains("customFields.serial"), "staff see it");
        } finally {
            Configs.rollback(admin, before.getInt("version"));
        }
    }

    private static List<String> fields(List<JsonObject> history) {
        return history.stream().map(entry -> entry.getString("field", "")).toList();
    }

    @Test
    void aRequestersLiveStreamSaysNothingOfAChangeToAnInternalField() {
        var order = requesterRepair(It.unique("fridge noise"));
        var id = order.getString("id");
        try (var stream = EventStream.open(It.BASE_URL, "requester", Tokens.passwordGrant(It.ACME_REQUESTER,
                It.DEMO_PASSWORD))) {
            var diagnosed = diagnose(order);
            DISPATCHER.patch("/workorders/" + id, Json.createObjectBuilder().add("priority", "HIGH").build(),
                    diagnosed.getInt("version")).expect(200);
            var changed = stream.about(id, "workorder.changed").json();
            assertEquals(List.of("priority"), changed.getJsonArray("changed").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList(), "the first event the requester gets: " + changed);
        }
    }

    @Test
    void aRequesterCannotFilterOrSortByAnInternalField() {
        assertEquals(Set.of("cf.diagnosis"), REQUESTER.get("/workorders?cf.diagnosis=Worn").invalidFields());
        assertEquals(Set.of("sort"), REQUESTER.get("/workorders?sort=-cf.partsCost").invalidFields());
        assertFalse(REQUESTER.get("/workorders?cf.partsCost.gte=10").invalidFields().isEmpty());
        assertEquals(200, DISPATCHER.get("/workorders?cf.diagnosis=Worn&sort=-cf.partsCost").status());
        assertEquals(200, REQUESTER.get("/workorders?cf.appliance=washer&sort=cf.purchaseDate").status(),
                "the fields a requester sees");
    }
}
