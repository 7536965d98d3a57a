package dev.orden.it;

import static dev.orden.it.WorkOrders.comment;
import static dev.orden.it.WorkOrders.comments;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.enc;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.listAll;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Another tenant's order does not exist: for every globex role, every endpoint answers 404 for an acme order
 * named by id, by "WO-n" and by bare number - and nothing about the order changes.
 */
class CrossTenantIsolationIT {

    static Api acmeDispatcher;
    static Api acmeAgent;
    static List<Api> globex;
    static String marker;
    static JsonObject acmeOrder;
    static List<String> refs;

    @BeforeAll
    static void anAcmeOrderWithAComment() {
        acmeDispatcher = Api.as(It.ACME_DISPATCHER);
        acmeAgent = Api.as(It.ACME_AGENT);
        globex = List.of(Api.as(It.GLOBEX_AGENT), Api.as(It.GLOBEX_DISPATCHER), Api.as(It.GLOBEX_ADMIN),
                Api.as(It.GLOBEX_REQUESTER));
        var globexAdmin = globex.get(2);
        marker = It.unique("isolated");
        // The acme order's number must be one globex does not use, or "WO-n" would name a globex order.
        var globexTop = globexAdmin.get("/workorders?sort=-number&limit=1").expect(200).json().getJsonArray("items");
        long highestGlobexNumber = globexTop.isEmpty() ? 0
                : globexTop.getJsonObject(0).getJsonNumber("sequence").longValue();
        do {
            acmeOrder = create(acmeDispatcher, order(marker + " acme only").add("assignee", acmeAgent.id())
                    .add("team", "field").add("customFields", Json.createObjectBuilder().add("model", "X100")));
        } while (acmeOrder.getJsonNumber("sequence").longValue() <= highestGlobexNumber);
        comment(acmeAgent, acmeOrder.getString("id"), "acme internal note", "INTERNAL").expect(201);
        comment(acmeAgent, acmeOrder.getString("id"), "acme public note", "PUBLIC").expect(201);
        acmeOrder = get(acmeDispatcher, acmeOrder.getString("id"));
        var number = acmeOrder.getJsonNumber("sequence").longValue();
        refs = List.of(acmeOrder.getString("id"), "WO-" + number, "wo-" + number, String.valueOf(number));
        for (var ref : refs.subList(1, refs.size())) {
            globexAdmin.get("/workorders/" + ref).problem(404, "not-found");
        }
    }

    @Test
    void everyGlobexRoleGets404FromEveryEndpointAndTheOrderStaysUnchanged() {
        var historyBefore = history(acmeDispatcher, acmeOrder.getString("id"));
        var commentsBefore = comments(acmeDispatcher, acmeOrder.getString("id"));
        int version = acmeOrder.getInt("version");
        var calls = 0;
        for (var caller : globex) {
            var someoneOfGlobex = globex.getFirst().id();
            for (var ref : refs) {
                var path = "/workorders/" + ref;
                var attempts = List.of(
                        caller.get(path),
                        caller.patch(path, Json.createObjectBuilder().add("title", "pwned").build(), version),
                        caller.patch(path, Json.createObjectBuilder().add("title", "pwned").add("version", version)
                                .build(), (String) null),
                        caller.post(path + "/transitions", Json.createObjectBuilder().add("to", "CANCELLED").build()),
                        caller.post(path + "/transitions", Json.createObjectBuilder().add("to", "IN_PROGRESS")
                                .add("version", version).build()),
                        caller.post(path + "/assignment", Json.createObjectBuilder().add("assignee", someoneOfGlobex)
                                .add("team", "globex").build()),
                        caller.get(path + "/history"),
                        caller.get(path + "/comments"),
                        caller.post(path + "/comments", Json.createObjectBuilder().add("body", "hola").build()),
                        caller.post(path + "/comments", Json.createObjectBuilder().add("body", "psst")
                                .add("visibility", "INTERNAL").build()));
                for (var attempt : attempts) {
                    attempt.problem(404, "not-found");
                    assertTrue(!attempt.body().contains(marker) && !attempt.body().contains("acme"),
                            "a 404 must not echo the order: " + attempt.describe());
                    calls++;
                }
            }
        }
        assertEquals(4 * 4 * 10, calls);

        var after = get(acmeDispatcher, acmeOrder.getString("id"));
        assertEquals(version, after.getInt("version"));
        assertEquals(acmeOrder.getString("status"), after.getString("status"));
        assertEquals(acmeOrder.getString("title"), after.getString("title"));
        assertEquals(acmeOrder.getString("updatedAt"), after.getString("updatedAt"));
        assertEquals(acmeOrder.getJsonObject("assignee"), after.getJsonObject("assignee"));
        assertEquals(acmeOrder.getString("team"), after.getString("team"));
        assertEquals(historyBefore, history(acmeDispatcher, acmeOrder.getString("id")));
        assertEquals(commentsBefore, comments(acmeDispatcher, acmeOrder.getString("id")));
        assertEquals(2, commentsBefore.size());
    }

    @Test
    void globexListsAndCountsContainNoAcmeOrder() {
        var acmeIds = listAll(acmeDispatcher, "limit=200").stream().map(w -> w.getString("id"))
                .collect(Collectors.toSet());
        assertTrue(acmeIds.contains(acmeOrder.getString("id")));
        for (var caller : globex) {
            assertEquals(List.of(), listAll(caller, "q=" + enc(marker)), caller + " found acme's order by text");
            var counts = caller.get("/workorders/counts?q=" + enc(marker)).expect(200).json();
            assertEquals(0, counts.getInt("total"), caller.toString());
            var everything = listAll(caller, "limit=200");
            var leaked = everything.stream().map(w -> w.getString("id")).filter(acmeIds::contains).toList();
            assertEquals(List.of(), leaked, caller + " sees acme orders");
            for (var filter : List.of("assignee=" + acmeAgent.id(), "requester=" + acmeDispatcher.id(),
                    "team=field&type=general")) {
                assertTrue(listAll(caller, filter).stream().noneMatch(w -> acmeIds.contains(w.getString("id"))),
                        caller + " " + filter);
            }
            var total = caller.get("/workorders/counts").expect(200).json().getInt("total");
            assertEquals(everything.size(), total, caller + ": counts cover what the list shows, no more");
        }
        var globexMembers = globex.get(2).get("/members").expect(200).objects().stream()
                .map(m -> m.getString("email")).collect(Collectors.toSet());
        assertTrue(globexMembers.stream().allMatch(e -> e.endsWith("@globex.test")), globexMembers.toString());
    }

    @Test
    void acmeCannotAssignOrCreateOnBehalfOfGlobexPeople() {
        var order = create(acmeDispatcher, marker + " assignment across tenants");
        var ref = order.getString("id");
        for (var globexPerson : globex) {
            assertEquals(Set.of("assignee"), acmeDispatcher.post("/workorders/" + ref + "/assignment",
                    Json.createObjectBuilder().add("assignee", globexPerson.id()).build()).invalidFields(),
                    globexPerson.toString());
        }
        assertEquals(Set.of("requesterId"), acmeDispatcher.post("/workorders",
                order(marker + " for a globex requester").add("requesterId", globex.get(3).id()).build())
                .invalidFields());
        var stored = get(acmeDispatcher, ref);
        assertEquals("NEW", stored.getString("status"));
        assertEquals(1, stored.getInt("version"));
        assertTrue(WorkOrders.absent(stored, "assignee"), stored.toString());
    }

    @Test
    void sameNumbersInTwoTenantsNameDifferentOrders() {
        var globexDispatcher = globex.get(1);
        var globexOrder = create(globexDispatcher, marker + " globex own");
        var number = globexOrder.getString("number");
        var seenByGlobex = get(globexDispatcher, number);
        assertEquals(globexOrder.getString("id"), seenByGlobex.getString("id"));
        var seenByAcme = acmeDispatcher.get("/workorders/" + number);
        if (seenByAcme.status() == 200) {
            assertTrue(!seenByAcme.json().getString("id").equals(globexOrder.getString("id")));
        } else {
            seenByAcme.problem(404, "not-found");
        }
        acmeDispatcher.get("/workorders/" + globexOrder.getString("id")).problem(404, "not-found");
        var ids = new ArrayList<String>();
        listAll(acmeDispatcher, "q=" + enc(marker)).forEach(w -> ids.add(w.getString("id")));
        assertTrue(!ids.contains(globexOrder.getString("id")));
    }
}
