package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.move;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SLA clocks end to end, in a tenant of its own with a round-the-clock calendar (so due times are plain
 * arithmetic whatever day the test runs): due dates on a created order, a pause in ON_HOLD moving them, and a
 * breach run by the scheduler firing a published {@code sla.breached} rule, recorded in the history once.
 */
class SlaIT {

    private static final String PASSWORD = "sla-clock-pass";
    private static final String ESCALATE = """
            function rule(input) {
              return [{type: 'priority', priority: 'URGENT'}];
            }""";

    static String slug;
    static String email;
    static UUID tenant;
    static Api admin;

    @BeforeAll
    static void aTenantWithTargets() {
        slug = It.unique("sla");
        email = slug + "-admin@sla.test";
        Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .post("/signup", Json.createObjectBuilder().add("company", "SLA " + slug).add("slug", slug)
                        .add("adminEmail", email).add("adminName", "Sally Clock").add("password", PASSWORD).build())
                .expect(201);
        tenant = Db.tenantIds().get(slug);
        admin = Api.as(email, PASSWORD);
        var bundle = Configs.active(admin).getJsonObject("bundle");
        var sla = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "always").add("zone", "UTC")
                .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "general")
                        .add("firstResponse", "PT1H").add("resolution", "PT4H"))
                        .add(Json.createObjectBuilder().add("type", "general").add("priority", "HIGH")
                                .add("firstResponse", "PT30M").add("resolution", "PT2H"))));
        var rules = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "escalate").add("name", "Escalate")
                .add("events", Json.createArrayBuilder().add("sla.breached")).add("source", ESCALATE));
        Configs.publish(admin, Json.createObjectBuilder(bundle).add("sla", sla).add("rules", rules).build());
    }

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        if (slug == null) return;
        KcAdmin.forgetTenant(slug, java.util.List.of(email));
    }

    @Test
    void aCreatedOrderCarriesItsDueDatesAndTheirTimers() {
        var order = create(admin, It.unique("timed"));
        var created = Instant.parse(order.getString("createdAt"));
        var sla = order.getJsonObject("sla");
        assertEquals(created.plus(Duration.ofHours(1)), Instant.parse(sla.getString("firstResponseDue")), sla.toString());
        assertEquals(created.plus(Duration.ofHours(4)), Instant.parse(sla.getString("resolutionDue")));
        assertFalse(sla.getBoolean("paused"));
        assertEquals(List.of(), sla.getJsonArray("breached"));
        var id = order.getString("id");
        assertEquals(4, Db.countAs(tenant, "SELECT count(*) FROM scheduled_job WHERE kind = 'sla' AND key LIKE ?", id + "/%"),
                "a warning and a breach job per target");
        assertEquals(1, Db.countAs(tenant, "SELECT count(*) FROM scheduled_job WHERE kind = 'sla' AND key = ?"
                + " AND due_at = ?::timestamptz", id + "/resolution/warning",
                created.plus(Duration.ofMinutes(192)).toString()), "the warning at 80 %");
    }

    @Test
    void aPauseMovesTheResolutionDueByThePausedTime() {
        var order = create(admin, It.unique("paused"));
        var id = order.getString("id");
        WorkOrders.assign(admin, id, order.getJsonObject("requester").getString("id"), null).expect(200);
        var assigned = get(admin, id).getJsonObject("sla");
        assertTrue(assigned.containsKey("firstResponseMetAt"), "leaving new is the first response: " + assigned);
        move(admin, id, "IN_PROGRESS");
        var held = move(admin, id, "ON_HOLD").getJsonObject("sla");
        assertTrue(held.getBoolean("paused"), held.toString());
        var due = Instant.parse(held.getString("resolutionDue"));
        assertEquals(1, Db.updateAs(tenant, "UPDATE work_order_sla SET paused_since = paused_since - interval '2 hours'"
                + " WHERE work_order_id = ?", UUID.fromString(id)));
        var resumed = move(admin, id, "IN_PROGRESS").getJsonObject("sla");
        assertFalse(resumed.getBoolean("paused"));
        var moved = Duration.between(due, Instant.parse(resumed.getString("resolutionDue")));
        assertTrue(moved.compareTo(Duration.ofHours(2)) >= 0 && moved.compareTo(Duration.ofHours(2).plusMinutes(1)) < 0,
                "moved by the paused time: " + moved);
        assertEquals(1, Db.countAs(tenant, "SELECT count(*) FROM scheduled_job WHERE kind = 'sla' AND key = ?"
                + " AND due_at = ?::timestamptz", id + "/resolution/breach", resumed.getString("resolutionDue")),
                "the breach timer follows the due date");
        assertEquals(1, job(id + "/resolution/warning", Instant.parse(resumed.getString("resolutionDue"))
                .minus(Duration.ofMinutes(48))), "the warning is set again, at 80 % of the target in business time");
    }

    @Test
    void aPriorityChangeRetimesTheClocksNotYetMet() {
        var order = create(admin, It.unique("retimed"));
        var id = order.getString("id");
        var created = Instant.parse(order.getString("createdAt"));
        var high = admin.patch("/workorders/" + id, Json.createObjectBuilder().add("priority", "HIGH").build(),
                order.getInt("version")).expect(200).json().getJsonObject("sla");
        assertEquals(created.plus(Duration.ofMinutes(30)), Instant.parse(high.getString("firstResponseDue")), high.toString());
        assertEquals(created.plus(Duration.ofHours(2)), Instant.parse(high.getString("resolutionDue")));
        assertEquals(1, job(id + "/firstResponse/breach", created.plus(Duration.ofMinutes(30))), "the breach timer moved");
        assertEquals(1, job(id + "/firstResponse/warning", created.plus(Duration.ofMinutes(24))), "and its warning");
        assertEquals(1, job(id + "/resolution/warning", created.plus(Duration.ofMinutes(96))));

        WorkOrders.comment(admin, id, "on it", "PUBLIC").expect(201);
        var met = get(admin, id);
        var back = admin.patch("/workorders/" + id, Json.createObjectBuilder().add("priority", "NORMAL").build(),
                met.getInt("version")).expect(200).json().getJsonObject("sla");
        assertEquals(created.plus(Duration.ofMinutes(30)), Instant.parse(back.getString("firstResponseDue")),
                "a met clock keeps its due time: " + back);
        assertEquals(created.plus(Duration.ofHours(4)), Instant.parse(back.getString("resolutionDue")));
    }

    @Test
    void reopeningRestartsTheResolutionClock() {
        var order = create(admin, It.unique("reopened"));
        var id = order.getString("id");
        WorkOrders.assign(admin, id, order.getJsonObject("requester").getString("id"), null).expect(200);
        move(admin, id, "IN_PROGRESS");
        var resolved = move(admin, id, "RESOLVED").getJsonObject("sla");
        assertTrue(resolved.containsKey("resolutionMetAt"), resolved.toString());
        var before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var reopened = move(admin, id, "IN_PROGRESS").getJsonObject("sla");
        var after = Instant.now();
        assertFalse(reopened.containsKey("resolutionMetAt"), "running again: " + reopened);
        assertTrue(reopened.containsKey("firstResponseMetAt"), "first response stays met");
        var due = Instant.parse(reopened.getString("resolutionDue"));
        assertTrue(!due.isBefore(before.plus(Duration.ofHours(4)).minusMillis(1)) && !due.isAfter(after.plus(Duration.ofHours(4))),
                "the whole target from the reopening: " + due);
        assertEquals(1, job(id + "/resolution/breach", due), "with its breach timer");
    }

    @Test
    void theListCarriesEachOrdersClocks() {
        var title = It.unique("listed");
        var first = create(admin, title + " one");
        var second = create(admin, title + " two");
        var items = WorkOrders.listAll(admin, "q=" + WorkOrders.enc(title));
        assertEquals(2, items.size());
        for (var item : items) {
            var single = item.getString("id").equals(first.getString("id")) ? first : second;
            assertEquals(single.getJsonObject("sla"), item.getJsonObject("sla"));
        }
    }

    private static long job(String key, Instant dueAt) {
        return Db.countAs(tenant, "SELECT count(*) FROM scheduled_job WHERE kind = 'sla' AND key = ?"
                + " AND due_at = ?::timestamptz", key, dueAt.toString());
    }

    @Test
    void aBreachFiresTheRuleAndIsRecordedOnce() {
        var order = create(admin, It.unique("breached"));
        var id = order.getString("id");
        assertEquals("NORMAL", order.getString("priority"));
        assertEquals(1, Db.updateAs(tenant, "UPDATE scheduled_job SET due_at = now() - interval '1 second'"
                + " WHERE kind = 'sla' AND key = ?", id + "/firstResponse/breach"));
        await("the breach ran", () -> get(admin, id).getJsonObject("sla").getJsonArray("breached").size() == 1);
        var after = get(admin, id);
        assertEquals(List.of(Json.createValue("firstResponse")), after.getJsonObject("sla").getJsonArray("breached"));
        assertEquals("URGENT", after.getString("priority"), "the sla.breached rule escalated it");
        await("the job is gone", () -> Db.countAs(tenant, "SELECT count(*) FROM scheduled_job WHERE key = ?",
                id + "/firstResponse/breach") == 0);
        List<JsonObject> breaches = history(admin, id).stream()
                .filter(e -> e.getString("kind").equals("SLA_BREACHED")).toList();
        assertEquals(1, breaches.size(), history(admin, id).toString());
        assertEquals("sla.firstResponse", breaches.getFirst().getString("field"));
    }

    private static void await(String what, Supplier<Boolean> condition) {
        var deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 40 s: " + what);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }
}
