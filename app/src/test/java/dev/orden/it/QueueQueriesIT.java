package dev.orden.it;

import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.enc;
import static dev.orden.it.WorkOrders.listAll;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the portal's queues ask the list for: the caller's teams, orders whose SLA is overdue or at risk, state names. */
class QueueQueriesIT {

    private final Api dispatcher = Api.as(It.ACME_DISPATCHER);
    private final Api agent = Api.as(It.ACME_AGENT);

    private static boolean lists(Api api, String query, String number) {
        return listAll(api, query).stream().anyMatch(o -> o.getString("number").equals(number));
    }

    @Test
    void myTeamsAreTheTeamsThatListMe() {
        var marker = It.unique("myteams");
        var ours = create(dispatcher, order(marker + " ours")).getString("number");
        var theirs = create(dispatcher, order(marker + " theirs")).getString("number");
        assign(dispatcher, ours, null, "madrid_repair").expect(200); // agent@acme.test is a member
        assign(dispatcher, theirs, null, "bcn_repair").expect(200);
        var query = "team=mine&q=" + enc(marker);
        assertTrue(lists(agent, query, ours));
        assertFalse(lists(agent, query, theirs));
        // the dispatcher is in no team: an empty queue, not every order
        assertTrue(listAll(dispatcher, query).isEmpty());
        assertEquals(1, agent.get("/workorders/counts?" + query).expect(200).json().getInt("total"));
    }

    @Test
    void overdueAndAtRiskFollowTheClocksNotMet() {
        var marker = It.unique("overdue");
        var late = create(dispatcher, order(marker + " late").add("type", "repair").add("priority", "HIGH").add("customFields", Configs.acmeVisit()));
        var soon = create(dispatcher, order(marker + " soon").add("type", "repair").add("priority", "HIGH").add("customFields", Configs.acmeVisit()));
        var calm = create(dispatcher, order(marker + " calm").add("type", "repair").add("priority", "HIGH").add("customFields", Configs.acmeVisit()));
        var none = create(dispatcher, order(marker + " no sla").add("type", "general"));
        assertTrue(late.containsKey("sla") && !late.isNull("sla"), "repair/HIGH has targets: " + late);
        var acme = Db.tenantIds().get("acme");
        Db.updateAs(acme, "UPDATE work_order_sla SET first_response_due = now() - interval '1 minute'"
                + " WHERE work_order_id = ?", UUID.fromString(late.getString("id")));
        Db.updateAs(acme, "UPDATE work_order_sla SET first_response_due = now() + interval '30 minutes',"
                + " resolution_due = now() + interval '3 days' WHERE work_order_id = ?", UUID.fromString(soon.getString("id")));
        Db.updateAs(acme, "UPDATE work_order_sla SET first_response_due = now() + interval '1 day',"
                + " resolution_due = now() + interval '3 days' WHERE work_order_id = ?", UUID.fromString(calm.getString("id")));

        var overdue = "sla=overdue&q=" + enc(marker);
        assertTrue(lists(dispatcher, overdue, late.getString("number")));
        assertFalse(lists(dispatcher, overdue, soon.getString("number")));
        assertFalse(lists(dispatcher, overdue, none.getString("number")));
        var atRisk = "sla=at-risk&q=" + enc(marker);
        assertTrue(lists(dispatcher, atRisk, late.getString("number")));
        assertTrue(lists(dispatcher, atRisk, soon.getString("number")));
        assertFalse(lists(dispatcher, atRisk, calm.getString("number")));
        assertEquals(2, dispatcher.get("/workorders/counts?" + atRisk).expect(200).json().getInt("total"));
        // a clock met is no longer at risk
        Db.updateAs(acme, "UPDATE work_order_sla SET first_response_met_at = now() WHERE work_order_id = ?",
                UUID.fromString(late.getString("id")));
        assertFalse(lists(dispatcher, overdue, late.getString("number")));

        assertEquals(java.util.Set.of("sla"), dispatcher.get("/workorders?sla=late").invalidFields());
    }

    @Test
    void anOrderNamesItsStateInEachLanguage() {
        var order = create(dispatcher, order(It.unique("names")).add("type", "general"));
        var names = order.getJsonObject("statusName");
        assertEquals("NEW", order.getString("status"));
        assertEquals("Nueva", names.getString("es"));
        assertEquals("New", names.getString("en"));
    }
}
