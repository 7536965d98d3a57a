package dev.orden.it;

import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.comment;
import static dev.orden.it.WorkOrders.comments;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.listAll;
import static dev.orden.it.WorkOrders.move;
import static dev.orden.it.WorkOrders.order;
import static dev.orden.it.WorkOrders.transition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may do what: requesters follow their own orders, agents work them, dispatchers and admins assign. */
class RoleRulesIT {

    static Api admin;
    static Api dispatcher;
    static Api agent;
    static Api requester;
    /** A second requester of acme, made for this class in Keycloak. */
    static Api otherRequester;
    static String otherRequesterKeycloakId;
    static String marker;

    @BeforeAll
    static void callers() {
        admin = Api.as(It.ACME_ADMIN);
        dispatcher = Api.as(It.ACME_DISPATCHER);
        agent = Api.as(It.ACME_AGENT);
        requester = Api.as(It.ACME_REQUESTER);
        marker = It.unique("roles");
        var username = It.unique("requester2") + "@acme.test";
        var password = "pw-" + UUID.randomUUID();
        otherRequesterKeycloakId = KcAdmin.createUser(username, username, password);
        KcAdmin.grantRealmRole(otherRequesterKeycloakId, "requester");
        KcAdmin.addMember(KcAdmin.findOrganizationId("acme").orElseThrow(), otherRequesterKeycloakId);
        otherRequester = Api.as(username, password);
        assertEquals("acme", otherRequester.me().getString("tenant"));
    }

    @AfterAll
    static void removeSecondRequester() {
        if (otherRequesterKeycloakId != null) KcAdmin.deleteQuietly(() -> KcAdmin.deleteUser(otherRequesterKeycloakId));
    }

    @Test
    void requestersSeeOnlyTheirOwnOrdersEverywhere() {
        var marker = It.unique("own");
        var own = create(requester, marker + " mine");
        var others = create(otherRequester, marker + " someone else's");
        var staffs = create(dispatcher, marker + " staff's");

        var listed = listAll(requester, "q=" + marker).stream().map(w -> w.getString("id")).collect(Collectors.toSet());
        assertEquals(Set.of(own.getString("id")), listed);
        assertEquals(Set.of(others.getString("id")), listAll(otherRequester, "q=" + marker).stream()
                .map(w -> w.getString("id")).collect(Collectors.toSet()));
        assertEquals(3, listAll(agent, "q=" + marker).size(), "staff see all of the tenant's orders");

        get(requester, own.getString("number"));
        for (var foreign : List.of(others, staffs)) {
            for (var ref : List.of(foreign.getString("id"), foreign.getString("number"),
                    String.valueOf(foreign.getJsonNumber("sequence").longValue()))) {
                requester.get("/workorders/" + ref).problem(404, "not-found");
                requester.get("/workorders/" + ref + "/history").problem(404, "not-found");
                requester.get("/workorders/" + ref + "/comments").problem(404, "not-found");
                comment(requester, ref, "hola", "PUBLIC").problem(404, "not-found");
                transition(requester, ref, "CANCELLED").problem(404, "not-found");
            }
        }
        assertEquals("NEW", get(otherRequester, others.getString("id")).getString("status"));
        assertEquals(0, comments(otherRequester, others.getString("id")).size());
    }

    @Test
    void requestersCannotEditOrAssignEvenTheirOwnOrders() {
        var own = create(requester, marker + " edit attempt");
        var ref = own.getString("id");
        requester.patch("/workorders/" + ref, Json.createObjectBuilder().add("title", "changed").build(),
                own.getInt("version")).problem(403, "forbidden");
        assign(requester, ref, agent.id(), null).problem(403, "forbidden");
        assign(requester, ref, null, "field").problem(403, "forbidden");
        var stored = get(requester, ref);
        assertEquals(own.getString("title"), stored.getString("title"));
        assertEquals(own.getInt("version"), stored.getInt("version"));
        assertEquals("NEW", stored.getString("status"));
    }

    @Test
    void requestersMayOnlyCancelCloseOrReopenTheirOwn() {
        var own = create(requester, marker + " to cancel");
        assign(dispatcher, own.getString("id"), agent.id(), null).expect(200);
        transition(requester, own.getString("id"), "IN_PROGRESS").problem(403, "forbidden");
        assertEquals("ASSIGNED", get(requester, own.getString("id")).getString("status"));
        move(requester, own.getString("id"), "CANCELLED");

        var another = create(requester, marker + " to reopen and close");
        var id = another.getString("id");
        assign(dispatcher, id, agent.id(), null).expect(200);
        move(agent, id, "IN_PROGRESS");
        transition(requester, id, "ON_HOLD").problem(403, "forbidden");
        transition(requester, id, "RESOLVED").problem(403, "forbidden");
        move(agent, id, "RESOLVED");
        move(requester, id, "IN_PROGRESS");
        move(agent, id, "RESOLVED");
        move(requester, id, "CLOSED");
    }

    @Test
    void onlyDispatchersAndAdminsAssign() {
        var order = create(agent, marker + " assignment rights");
        var ref = order.getString("id");
        assign(agent, ref, agent.id(), null).problem(403, "forbidden");
        assign(agent, ref, null, "field").problem(403, "forbidden");
        assertEquals("NEW", get(agent, ref).getString("status"));

        var assigned = assign(dispatcher, ref, agent.id(), "field").expect(200).json();
        assertEquals("ASSIGNED", assigned.getString("status"));
        assertEquals(agent.id(), assigned.getJsonObject("assignee").getString("id"));
        var reassigned = assign(admin, ref, dispatcher.id(), "office").expect(200).json();
        assertEquals(dispatcher.id(), reassigned.getJsonObject("assignee").getString("id"));
        assertEquals("office", reassigned.getString("team"));

        // Assigning at creation follows the same rule.
        agent.post("/workorders", order(marker + " agent assigns at creation").add("assignee", agent.id()).build())
                .problem(403, "forbidden");
        requester.post("/workorders", order(marker + " requester sets team").add("team", "field").build())
                .problem(403, "forbidden");
        var atOnce = create(dispatcher, order(marker + " assigned at creation").add("assignee", agent.id()));
        assertEquals("ASSIGNED", atOnce.getString("status"));
    }

    @Test
    void onlyAgentsDispatchersAndAdminsCanBeAssignees() {
        var order = create(dispatcher, marker + " assignee roles");
        var ref = order.getString("id");
        assertEquals(Set.of("assignee"), assign(dispatcher, ref, requester.id(), null).invalidFields());
        assertEquals(Set.of("assignee"), assign(dispatcher, ref, UUID.randomUUID().toString(), null).invalidFields());
        assertEquals(Set.of("assignee"), assign(dispatcher, ref, "not-a-user-id", null).invalidFields());
        assertEquals(Set.of("assignee", "team"), assign(dispatcher, ref, null, null).invalidFields());
        assertEquals("NEW", get(dispatcher, ref).getString("status"));
        assign(dispatcher, ref, admin.id(), null).expect(200);
    }

    @Test
    void requestersCannotWriteOrReadInternalComments() {
        var own = create(requester, marker + " comments");
        var ref = own.getString("id");
        comment(requester, ref, "secret", "INTERNAL").problem(403, "forbidden");
        var mine = comment(requester, ref, "¿Cuándo vienen?", "PUBLIC").expect(201).json();
        assertEquals("PUBLIC", mine.getString("visibility"));
        assertEquals(requester.id(), mine.getJsonObject("author").getString("id"));
        comment(agent, ref, "nota interna", "INTERNAL").expect(201);
        comment(agent, ref, "Mañana a las 10", "PUBLIC").expect(201);
        assertEquals(List.of("¿Cuándo vienen?", "Mañana a las 10"),
                comments(requester, ref).stream().map(c -> c.getString("body")).toList());
        assertEquals(3, comments(dispatcher, ref).size());
        assertTrue(WorkOrders.history(requester, ref).stream()
                .noneMatch(e -> "INTERNAL".equals(e.getString("visibility"))));
    }

    @Test
    void staffCreateOnBehalfOfARequester() {
        var onBehalf = create(dispatcher, order(marker + " by phone").add("requesterId", requester.id()));
        assertEquals(requester.id(), onBehalf.getJsonObject("requester").getString("id"));
        assertEquals(requester.name(), onBehalf.getJsonObject("requester").getString("name"));
        assertEquals(dispatcher.id(), onBehalf.getString("createdBy"));
        var seen = get(requester, onBehalf.getString("id"));
        assertEquals(onBehalf.getString("id"), seen.getString("id"));
        assertTrue(listAll(requester, "q=" + marker).stream()
                .anyMatch(w -> w.getString("id").equals(onBehalf.getString("id"))));

        var byAgent = create(agent, order(marker + " agent on behalf").add("requesterId", requester.id()));
        assertEquals(requester.id(), byAgent.getJsonObject("requester").getString("id"));

        requester.post("/workorders", order(marker + " for someone else").add("requesterId", dispatcher.id()).build())
                .problem(403, "forbidden");
        var forSelf = create(requester, order(marker + " for myself").add("requesterId", requester.id()));
        assertEquals(requester.id(), forSelf.getJsonObject("requester").getString("id"));
        assertEquals(Set.of("requesterId"), dispatcher.post("/workorders",
                order(marker + " unknown person").add("requesterId", UUID.randomUUID().toString()).build())
                .invalidFields());
    }

    @Test
    void requestersCannotListTheTenantsPeople() {
        requester.get("/members").problem(403, "forbidden");
        List<JsonObject> members = agent.get("/members").expect(200).objects();
        var byEmail = members.stream().collect(Collectors.toMap(m -> m.getString("email"), m -> m));
        assertTrue(byEmail.get(It.ACME_AGENT).getBoolean("assignable"));
        assertTrue(byEmail.get(It.ACME_DISPATCHER).getBoolean("assignable"));
        assertTrue(!byEmail.get(It.ACME_REQUESTER).getBoolean("assignable"));
        assertEquals(agent.id(), byEmail.get(It.ACME_AGENT).getString("id"));
        assertTrue(members.stream().noneMatch(m -> m.getString("email").endsWith("@globex.test")));
    }
}
