package dev.orden.it;

import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.move;
import static dev.orden.it.WorkOrders.order;
import static dev.orden.it.WorkOrders.transition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workflows are tenant data: globex's purchase requests go through an approval state that only its admins leave,
 * with fields the approval requires; transitions follow the type's workflow under the active configuration, and
 * the orders of a type a later version drops keep the workflow they were created under.
 */
class WorkflowIT {

    static Api admin;
    static Api dispatcher;
    static Api agent;
    static Api requester;

    @BeforeAll
    static void callers() {
        admin = Api.as(It.GLOBEX_ADMIN);
        dispatcher = Api.as(It.GLOBEX_DISPATCHER);
        agent = Api.as(It.GLOBEX_AGENT);
        requester = Api.as(It.GLOBEX_REQUESTER);
    }

    private static JsonObjectBuilder site() {
        return Json.createObjectBuilder().add("address", "Gran Vía 1, Madrid");
    }

    private static JsonObject purchaseRequest(String title) {
        return create(requester, order(title).add("type", "request")
                .add("customFields", Json.createObjectBuilder().add("site", site()).add("system", "hvac")));
    }

    private static Set<String> allowed(JsonObject order) {
        return order.getJsonArray("allowedTransitions").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
    }

    @Test
    void aPurchaseRequestIsApprovedOnlyByAnAdminWithACostEstimateAndJustification() {
        var created = purchaseRequest(It.unique("purchase"));
        var ref = created.getString("id");
        assertEquals("SUBMITTED", created.getString("status"));
        assertEquals("new", created.getString("statusCategory"));

        var assigned = assign(dispatcher, ref, agent.id(), null).expect(200).json();
        assertEquals("SUBMITTED", assigned.getString("status"), "this workflow has no assignment trigger");

        var pending = move(dispatcher, ref, "PENDING_APPROVAL");
        assertEquals("pending", pending.getString("statusCategory"));
        assertEquals(Set.of(), allowed(pending), "only admins leave the approval state");
        assertEquals(Set.of("APPROVED", "REJECTED"), allowed(get(admin, ref)));
        transition(dispatcher, ref, "APPROVED").problem(403, "forbidden");

        assertEquals(Set.of("customFields.costEstimate"), transition(admin, ref, "APPROVED").invalidFields());
        var offered = admin.get("/workorders/" + ref + "/transitions").expect(200).objects().stream()
                .filter(t -> t.getString("to").equals("APPROVED")).findFirst().orElseThrow();
        assertEquals(List.of("costEstimate"), strings(offered.getJsonArray("requiredFields")));
        assertEquals(List.of("customFields.costEstimate"), strings(offered.getJsonArray("missingFields")));

        // The fields can come with the transition; they are validated like a PATCH (justification becomes required).
        var withoutJustification = admin.post("/workorders/" + ref + "/transitions", Json.createObjectBuilder()
                .add("to", "APPROVED").add("customFields", Json.createObjectBuilder().add("costEstimate", 1200))
                .build());
        assertEquals(Set.of("customFields.justification"), withoutJustification.invalidFields());
        assertEquals(pending.getInt("version"), get(admin, ref).getInt("version"), "nothing partial is stored");

        var approved = move(admin, ref, "APPROVED", Json.createObjectBuilder().add("costEstimate", 1200)
                .add("justification", "Compressor replacement"));
        assertEquals("open", approved.getString("statusCategory"));
        assertEquals(1200, approved.getJsonObject("customFields").getInt("costEstimate"));
        var entries = history(admin, ref);
        var last = entries.getLast();
        assertEquals("STATUS_CHANGED", last.getString("kind"));
        assertEquals("PENDING_APPROVAL", last.getString("from"));
        assertEquals("APPROVED", last.getString("to"));
        assertEquals(created.getInt("configVersion"), last.getInt("configVersion"));
        assertTrue(entries.stream().anyMatch(e -> "customFields.costEstimate".equals(e.getString("field", null))),
                "the fields set with the transition are in the history too");
    }

    @Test
    void workStartsOnAnApprovedRequestOnlyOnceSomeoneHasIt() {
        var ref = purchaseRequest(It.unique("start")).getString("id");
        move(dispatcher, ref, "PENDING_APPROVAL");
        move(admin, ref, "APPROVED", Json.createObjectBuilder().add("costEstimate", 90).add("justification", "Filters"));
        assertEquals(Set.of("assignee"), transition(agent, ref, "IN_PROGRESS").invalidFields());
        assign(dispatcher, ref, agent.id(), null).expect(200);
        assertEquals("APPROVED", get(agent, ref).getString("status"));
        move(agent, ref, "IN_PROGRESS");
        var done = move(agent, ref, "DONE");
        assertEquals(agent.id(), done.getJsonObject("completedBy").getString("id"));
        assertEquals("resolved", done.getString("statusCategory"));
    }

    @Test
    void aTypeChangeThatWouldStrandTheOrderIs422() {
        var ref = purchaseRequest(It.unique("retype")).getString("id");
        move(dispatcher, ref, "PENDING_APPROVAL");
        var current = get(dispatcher, ref);
        var res = dispatcher.patch("/workorders/" + ref, Json.createObjectBuilder().add("type", "incident").build(),
                current.getInt("version"));
        assertEquals(Set.of("type"), res.invalidFields());
        assertEquals("request", get(dispatcher, ref).getString("type"));
    }

    @Test
    void theOrdersOfATypeALaterVersionDropsKeepTheirWorkflow() {
        var ref = purchaseRequest(It.unique("dropped")).getString("id");
        move(dispatcher, ref, "PENDING_APPROVAL");
        var active = Configs.active(admin);
        var before = active.getInt("version");
        try {
            Configs.publish(admin, withoutType(active.getJsonObject("bundle"), "request"));
            var order = get(admin, ref);
            assertEquals(Set.of("APPROVED", "REJECTED"), allowed(order));
            var rejected = admin.post("/workorders/" + ref + "/transitions", Json.createObjectBuilder()
                    .add("to", "REJECTED").add("comment", "no budget").build()).expect(200).json();
            assertEquals("closed", rejected.getString("statusCategory"));
            assertFalse(rejected.containsKey("completedBy"), "rejecting does not complete");
        } finally {
            Configs.rollback(admin, before);
        }
    }

    @Test
    void ordersAreNumberedWithTheirTypesPrefixAndFoundByIt() {
        var created = purchaseRequest(It.unique("numbered"));
        var sequence = created.getJsonNumber("sequence").longValue();
        assertEquals("REQ-" + sequence, created.getString("number"));
        for (var ref : List.of("REQ-" + sequence, "req-" + sequence, String.valueOf(sequence))) {
            assertEquals(created.getString("id"), get(requester, ref).getString("id"), ref);
        }
        for (var ref : List.of("WO-" + sequence, "INC-" + sequence)) {
            requester.get("/workorders/" + ref).problem(404, "not-found");
        }
        var general = create(requester, order(It.unique("general")));
        assertTrue(general.getString("number").startsWith("WO-"), "a type without a prefix numbers with WO");
    }

    @Test
    void anotherTenantsOrderCannotBeMoved() {
        var ref = purchaseRequest(It.unique("foreign")).getString("id");
        transition(Api.as(It.ACME_ADMIN), ref, "PENDING_APPROVAL").problem(404, "not-found");
        assertEquals("SUBMITTED", get(requester, ref).getString("status"));
    }

    /** The bundle without {@code type} and the forms of that type. */
    private static JsonObject withoutType(JsonObject bundle, String type) {
        var types = Json.createArrayBuilder();
        bundle.getJsonArray("types").getValuesAs(JsonObject.class).stream()
                .filter(t -> !t.getString("key").equals(type)).forEach(types::add);
        var forms = Json.createArrayBuilder();
        bundle.getJsonArray("forms").getValuesAs(JsonObject.class).stream()
                .filter(f -> !f.getString("type").equals(type)).forEach(forms::add);
        return Json.createObjectBuilder(bundle).add("types", types).add("forms", forms).build();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
