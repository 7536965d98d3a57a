package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.move;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reminders end to end, in a tenant of its own (two agents, a dispatcher, its admin) whose reminders.json reminds
 * 60 minutes before the due time and at it: orders are given due times a few seconds past those points, so the
 * scheduler (polling every second on the test server) sends them while the test waits; timeouts in minutes are
 * brought forward by moving their job's due time, as SlaIT does.
 */
class RemindersIT {

    private static final String PASSWORD = "reminder-pass";
    private static final String REMIND = """
            function rule(input) {
              if (!input.order.title.startsWith('rule-remind')) return [];
              const soon = new Date(Date.parse(input.now) + 3000).toISOString();
              return [{type: 'remind', at: soon, to: 'assignee', message: 'Bring the ladder'},
                      {type: 'remind', at: soon, to: 'nobody@nowhere.test'}];
            }""";

    static String slug;
    static final List<String> emails = new ArrayList<>();
    static UUID tenant;
    static Api admin;
    static Api ana;
    static Api bruno;
    static Api dispatcher;

    @BeforeAll
    static void aTenantWithShortReminders() {
        slug = It.unique("remind");
        var adminEmail = slug + "-admin@remind.test";
        emails.add(adminEmail);
        Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .post("/signup", Json.createObjectBuilder().add("company", "Reminders " + slug).add("slug", slug)
                        .add("adminEmail", adminEmail).add("adminName", "Rita Reminder").add("password", PASSWORD)
                        .build())
                .expect(201);
        tenant = Db.tenantIds().get(slug);
        admin = Api.as(adminEmail, PASSWORD);
        ana = person("ana", "agent");
        bruno = person("bruno", "agent");
        dispatcher = person("dora", "dispatcher");
        var bundle = Configs.active(admin).getJsonObject("bundle");
        var reminders = Json.createObjectBuilder()
                .add("assigned", Json.createObjectBuilder().add("afterMinutes", 600))
                .add("dueSoon", Json.createObjectBuilder().add("beforeMinutes", Json.createArrayBuilder().add(60)))
                .add("overdue", Json.createObjectBuilder().add("enabled", true))
                .add("unassignedTimeout", Json.createObjectBuilder().add("afterMinutes", 30));
        var rules = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "remind").add("name", "Remind")
                .add("events", Json.createArrayBuilder().add("workorder.created")).add("source", REMIND));
        Configs.publish(admin, Json.createObjectBuilder(bundle).add("reminders", reminders).add("rules", rules).build());
    }

    private static Api person(String name, String role) {
        var email = slug + "-" + name + "@remind.test";
        emails.add(email);
        var id = KcAdmin.createUser(email, email, PASSWORD);
        KcAdmin.grantRealmRole(id, role);
        KcAdmin.addMember(KcAdmin.findOrganizationId(slug).orElseThrow(), id);
        var api = Api.as(email, PASSWORD);
        assertEquals(slug, api.me().getString("tenant"), "seen by Orden, so a member");
        return api;
    }

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        if (slug == null) return;
        KcAdmin.forgetTenant(slug, emails);
    }

    @Test
    void dueSoonAndOverdueReachTheAssigneeOnceEach() {
        var soon = assigned(ana, It.unique("due-soon"), inSeconds(3600 + 3));
        var overdue = assigned(ana, It.unique("overdue"), inSeconds(4));
        await("the due-soon reminder", () -> kinds(ana, soon).contains("reminder_due_soon"));
        await("the overdue reminder", () -> kinds(ana, overdue).contains("reminder_overdue"));
        assertEquals(List.of("reminder_due_soon"), kinds(ana, soon));
        var due = get(admin, overdue).getString("dueAt");
        assertTrue(mine(ana, overdue).getFirst().getString("body").contains(shown(due)), "the body names the due time");

        // The same job run again (a retry, another server): reminder_sent holds it to one.
        Db.updateAs(tenant, "INSERT INTO scheduled_job (tenant_id, id, kind, key, spec, payload, due_at)"
                + " VALUES (?, ?, 'reminder', ?, ?, ?::jsonb, now())", tenant, UUID.randomUUID(), overdue + "/auto/again",
                due, Json.createObjectBuilder().add("order", overdue).add("kind", "overdue").add("at", due)
                        .add("due", due).build().toString());
        await("the repeated job ran", () -> Db.countAs(tenant, "SELECT count(*) FROM scheduled_job WHERE key = ?",
                overdue + "/auto/again") == 0);
        assertEquals(List.of("reminder_overdue"), kinds(ana, overdue), "sent once");
        assertEquals(1, Db.countAs(tenant, "SELECT count(*) FROM reminder_sent WHERE work_order_id = ?::uuid", overdue));
    }

    @Test
    void aReassignedOrdersPendingReminderGoesToTheNewAssignee() {
        var id = assigned(ana, It.unique("reassigned"), inSeconds(3600 + 6));
        WorkOrders.assign(admin, id, bruno.id(), null).expect(200);
        await("the reminder to bruno", () -> kinds(bruno, id).contains("reminder_due_soon"));
        assertEquals(List.of(), kinds(ana, id), "the previous assignee hears nothing");
    }

    @Test
    void resolvingDropsPendingReminders() {
        var id = assigned(ana, It.unique("resolved"), inSeconds(7200));
        assertEquals(3, jobs(id), "assigned, due soon and overdue are pending");
        move(admin, id, "IN_PROGRESS");
        assertEquals(2, jobs(id), "a started order drops the assignment reminder");
        move(admin, id, "RESOLVED");
        assertEquals(0, jobs(id), "nothing pending once resolved");
    }

    @Test
    void aNewDueTimeReschedulesTheReminder() {
        var id = assigned(ana, It.unique("moved"), inSeconds(3 * 86_400));
        var order = get(admin, id);
        var due = inSeconds(3600 + 4);
        admin.patch("/workorders/" + id, Json.createObjectBuilder().add("dueAt", due).build(), order.getInt("version"))
                .expect(200);
        assertEquals(1, Db.countAs(tenant, "SELECT count(*) FROM scheduled_job WHERE key = ? AND due_at = ?::timestamptz",
                id + "/auto/due_soon/60", Instant.parse(due).minus(Duration.ofHours(1)).toString()));
        await("the reminder at the new time", () -> kinds(ana, id).contains("reminder_due_soon"));
        assertTrue(mine(ana, id).getFirst().getString("body").contains(shown(due)));
    }

    @Test
    void anOrderStillUnassignedReachesTheDispatchers() {
        var id = create(admin, order(It.unique("nobody"))).getString("id");
        assertEquals(1, Db.updateAs(tenant, "UPDATE scheduled_job SET due_at = now() WHERE key = ?", id + "/auto/unassigned"));
        await("the dispatcher is told", () -> kinds(dispatcher, id).contains("unassigned_timeout"));
        assertEquals(List.of(), kinds(ana, id));
        assertEquals(List.of(), kinds(admin, id), "dispatchers, not the admin, while the tenant has some");

        var taken = create(admin, order(It.unique("taken"))).getString("id");
        WorkOrders.assign(admin, taken, ana.id(), null).expect(200);
        assertEquals(0, Db.countAs(tenant, "SELECT count(*) FROM scheduled_job WHERE key = ?", taken + "/auto/unassigned"),
                "an assignment drops the timeout");
    }

    @Test
    void aRuleRemindsTheAssigneeAndARefusedReminderSaysWhy() {
        var id = create(admin, order(It.unique("rule-remind")).add("assignee", ana.id())).getString("id");
        var entries = history(admin, id);
        var scheduled = entries.stream().filter(e -> e.getString("kind").equals("REMINDER_SCHEDULED")).toList();
        assertEquals(1, scheduled.size(), entries.toString());
        assertEquals("to assignee", scheduled.getFirst().getString("comment"));
        assertTrue(entries.stream().anyMatch(e -> e.getString("kind").equals("RULE_FAILED")
                && e.getString("comment").contains("'nobody@nowhere.test' is not a member of this tenant")), entries.toString());
        await("the rule's reminder", () -> kinds(ana, id).contains("reminder"));
        assertTrue(mine(ana, id).stream().filter(n -> n.getString("kind").equals("reminder"))
                .findFirst().orElseThrow().getString("body").contains("Bring the ladder"), "the rule's message is told");
    }

    /** A due time as the notification shows it: in the tenant's zone (a new tenant's is UTC), to the minute. */
    private static String shown(String dueAt) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(java.time.ZoneId.of("UTC"))
                .format(Instant.parse(dueAt));
    }

    private static String assigned(Api assignee, String title, String dueAt) {
        return create(admin, order(title).add("assignee", assignee.id()).add("dueAt", dueAt)).getString("id");
    }

    private static String inSeconds(long seconds) {
        return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static long jobs(String orderId) {
        return Db.countAs(tenant, "SELECT count(*) FROM scheduled_job WHERE kind = 'reminder' AND key LIKE ?", orderId + "/%");
    }

    private static List<JsonObject> mine(Api api, String orderId) {
        return api.get("/notifications?limit=100").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(n -> orderId.equals(n.getString("workOrderId", null)))
                .filter(n -> !n.getString("kind").equals("assigned")).toList();
    }

    private static List<String> kinds(Api api, String orderId) {
        return mine(api, orderId).stream().map(n -> n.getString("kind")).toList();
    }

    private static void await(String what, Supplier<Boolean> condition) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 30 s: " + what);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }
}
