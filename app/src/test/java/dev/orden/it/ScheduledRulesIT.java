package dev.orden.it;

import static dev.orden.it.WorkOrders.comments;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scheduled flow rules end to end, in a tenant of their own (signed up here, so that the orders a rule selects
 * are only this class's): jobs made at publish, a rule run now by an admin, the scheduler running a rule whose
 * job is made due in the database, a rule with no selection, and another tenant's orders never touched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledRulesIT {

    private static final String PASSWORD = "scheduled-rules-pass";
    private static final String STALE = """
            function rule(input) {
              log('selected', input.order.number);
              return [{type: 'priority', priority: 'HIGH'},
                      {type: 'comment', body: 'Still new at ' + input.change.scheduledFor, visibility: 'internal'},
                      {type: 'reject', message: 'a schedule has no change to reject'}];
            }""";
    private static final String DIGEST = """
            function rule(input) {
              if (input.order !== undefined) throw new Error('no order expected');
              return [{type: 'notify', to: 'dispatchers', template: 'digest'}, {type: 'priority', priority: 'LOW'}];
            }""";

    /**
     * The daily rule's hour and the weekly ones' day, half a day and three days from now (the tenant is on UTC): a
     * cron such as 03:00 would come due for real, and run beside the test, when the class runs at 02:59.
     */
    private static final int DAILY_HOUR = (Instant.now().atZone(ZoneOffset.UTC).getHour() + 12) % 24;
    private static final java.time.DayOfWeek WEEKDAY = LocalDate.now(ZoneOffset.UTC).plusDays(3).getDayOfWeek();

    static String slug;
    static String email;
    static UUID tenant;
    static Api admin;
    static UUID globex;
    static Api globexDispatcher;
    static JsonObject globexAged;

    @BeforeAll
    static void aTenantWithScheduledRules() {
        slug = It.unique("sched");
        email = slug + "-admin@scheduler.test";
        var signup = Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .post("/signup", Json.createObjectBuilder().add("company", "Scheduled " + slug).add("slug", slug)
                        .add("adminEmail", email).add("adminName", "Sam Scheduler").add("password", PASSWORD).build())
                .expect(201).json();
        tenant = UUID.fromString(signup.getString("tenantId"));
        admin = Api.as(email, PASSWORD);
        var rules = Json.createArrayBuilder()
                .add(scheduled("stale_new", daily(), STALE).add("select", Json.createObjectBuilder()
                        .add("category", Json.createArrayBuilder().add("new")).add("olderThanHours", 24)
                        .add("limit", 50)))
                .add(scheduled("digest", weekly(8), DIGEST));
        rules.add(Json.createObjectBuilder().add("key", "live").add("name", "live")
                .add("events", Json.createArrayBuilder().add("workorder.created"))
                .add("source", "function rule(input) { return []; }"));
        Configs.publish(admin, withRules(rules));

        globex = Db.tenantIds().get("globex");
        globexDispatcher = Api.as(It.GLOBEX_DISPATCHER);
        globexAged = create(globexDispatcher, It.unique("globex aged order"));
        age(globex, globexAged);
    }

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        if (slug == null) return;
        KcAdmin.forgetTenant(slug, java.util.List.of(email));
    }

    private static JsonObjectBuilder scheduled(String key, String cron, String source) {
        return Json.createObjectBuilder().add("key", key).add("name", key)
                .add("events", Json.createArrayBuilder().add("schedule")).add("schedule", cron).add("source", source);
    }

    private static JsonObject withRules(JsonArrayBuilder rules) {
        var bundle = Configs.active(admin).getJsonObject("bundle");
        return Json.createObjectBuilder(bundle).add("rules", rules).build();
    }

    private static void age(UUID tenantId, JsonObject order) {
        assertEquals(1, Db.updateAs(tenantId, "UPDATE work_order SET created_at = now() - interval '48 hours'"
                + " WHERE id = ?", UUID.fromString(order.getString("id"))));
    }

    private static List<JsonObject> traces(Api api, JsonObject order) {
        return api.get("/workorders/" + order.getString("id") + "/rule-traces").expect(200).objects();
    }

    private static List<JsonObject> scheduleTraces(Api api, JsonObject order) {
        return traces(api, order).stream().filter(t -> t.getString("event").equals("schedule")).toList();
    }

    private static Map<String, List<Object>> jobs() {
        var byKey = new java.util.TreeMap<String, List<Object>>();
        Db.rowsAs(tenant, "SELECT key, due_at, attempts, lease_token, progress::text, spec FROM scheduled_job"
                + " WHERE kind = 'rule.schedule'").forEach(row -> byKey.put((String) row.getFirst(), row));
        return byKey;
    }

    private static Instant due(String key) {
        return ((Timestamp) jobs().get(key).get(1)).toInstant();
    }

    private static Instant nextDailyAt(int hour) {
        var now = Instant.now();
        var today = LocalDate.now(ZoneOffset.UTC).atTime(hour, 0).toInstant(ZoneOffset.UTC);
        return today.isAfter(now) ? today : today.plus(1, ChronoUnit.DAYS);
    }

    private static String daily() {
        return "0 " + DAILY_HOUR + " * * *";
    }

    /** The cron of a weekly rule at {@code hour} on {@link #WEEKDAY} (cron counts Sunday as 0). */
    private static String weekly(int hour) {
        return "0 " + hour + " * * " + WEEKDAY.getValue() % 7;
    }

    private static Instant nextWeeklyAt(int hour) {
        var now = Instant.now();
        var date = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.nextOrSame(WEEKDAY));
        var at = date.atTime(hour, 0).toInstant(ZoneOffset.UTC);
        return at.isAfter(now) ? at : at.plus(7, ChronoUnit.DAYS);
    }

    private static void await(String what, Supplier<Boolean> condition) {
        var deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 40 s: " + what);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    @Test
    @Order(1)
    void publishingSchedulesOneJobPerScheduledRuleAtItsNextCronTime() {
        var jobs = jobs();
        assertEquals(List.of("digest", "stale_new"), List.copyOf(jobs.keySet()), "no job for the live rule");
        assertEquals(nextDailyAt(DAILY_HOUR), due("stale_new"));
        assertEquals(nextWeeklyAt(8), due("digest"));
        assertEquals(daily() + " UTC", jobs.get("stale_new").get(5), "cron times read in UTC");
    }

    @Test
    @Order(2)
    void anAdminRunsAScheduledRuleNowOnceOnEachOrderItSelects() {
        var aged = create(admin, It.unique("aged"));
        var fresh = create(admin, It.unique("fresh"));
        age(tenant, aged);

        var run = admin.post("/admin/rules/stale_new/run", JsonValue.EMPTY_JSON_OBJECT).expect(200).json();
        var orders = run.getJsonArray("orders").getValuesAs(JsonObject.class);
        var agedResult = orders.stream().filter(o -> o.getString("id").equals(aged.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("the aged order was not selected: " + run));
        assertEquals(aged.getString("number"), agedResult.getString("number"));
        assertEquals("PARTLY_REFUSED", agedResult.getString("outcome"));
        assertTrue(orders.stream().noneMatch(o -> o.getString("id").equals(fresh.getString("id"))),
                "an order younger than 24 hours is not selected: " + run);

        var changed = get(admin, aged.getString("id"));
        assertEquals("HIGH", changed.getString("priority"));
        assertEquals(2, changed.getInt("version"), "one change, in one transaction");
        var note = comments(admin, aged.getString("id")).getLast();
        assertTrue(note.getString("body").startsWith("Still new at "), note.toString());
        assertEquals("INTERNAL", note.getString("visibility"));
        var trace = scheduleTraces(admin, aged).getLast();
        assertEquals("stale_new", trace.getString("rule"));
        assertEquals("PARTLY_REFUSED", trace.getString("outcome"));
        var statuses = trace.getJsonArray("effects").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("status")).toList();
        assertEquals(List.of("applied", "applied", "refused"), statuses, "reject makes no sense on a schedule");
        assertTrue(trace.getJsonArray("log").getString(0).contains(aged.getString("number")));

        assertEquals(1, get(admin, fresh.getString("id")).getInt("version"));
        assertEquals(List.of(), scheduleTraces(admin, fresh));
    }

    @Test
    @Order(3)
    void theSchedulerRunsARuleWhenItsJobIsDueThenSchedulesItsNextTime() {
        var aged = create(admin, It.unique("aged for the scheduler"));
        age(tenant, aged);
        assertEquals(1, Db.updateAs(tenant, "UPDATE scheduled_job SET due_at = now() - interval '1 second'"
                + " WHERE kind = 'rule.schedule' AND key = 'stale_new'"));

        await("the scheduler ran stale_new on " + aged.getString("number"),
                () -> !scheduleTraces(admin, aged).isEmpty());
        await("the job settled", () -> due("stale_new").isAfter(Instant.now()));
        var job = jobs().get("stale_new");
        assertEquals(nextDailyAt(DAILY_HOUR), due("stale_new"), "due again at its next time");
        assertEquals(0, ((Number) job.get(2)).intValue(), "attempts start afresh");
        assertNull(job.get(3), "no lease left");
        assertNull(job.get(4), "no progress left");
        assertEquals("HIGH", get(admin, aged.getString("id")).getString("priority"));
        assertEquals(1, scheduleTraces(admin, aged).size(), "run once for its due time");
    }

    @Test
    @Order(4)
    void aRuleThatSelectsNoOrdersRunsOnceAndOnlyEffectsTheHostDeliversApply() {
        var run = admin.post("/admin/rules/digest/run", JsonValue.EMPTY_JSON_OBJECT).expect(200).json();
        assertEquals("PARTLY_REFUSED", run.getString("outcome"), run.toString());
        var effects = run.getJsonArray("effects").getValuesAs(JsonObject.class);
        assertEquals(List.of("refused", "refused"), effects.stream().map(e -> e.getString("status")).toList(),
                "a notification about no order, and a priority of no order");
        assertEquals(1, Db.countAs(tenant, "SELECT count(*) FROM rule_trace WHERE rule_key = 'digest'"
                + " AND event = 'schedule' AND work_order_id IS NULL AND outcome = 'PARTLY_REFUSED'"));
    }

    @Test
    @Order(5)
    void runningIsForTenantAdminsAndOnlyForScheduledRulesOfTheActiveVersion() {
        admin.post("/admin/rules/ghost/run", JsonValue.EMPTY_JSON_OBJECT).problem(404, "not-found");
        admin.post("/admin/rules/live/run", JsonValue.EMPTY_JSON_OBJECT).problem(409, "conflict");
        Api.as(It.ACME_DISPATCHER).post("/admin/rules/stale_new/run", JsonValue.EMPTY_JSON_OBJECT).expect(403);
        Api.as(It.ACME_ADMIN).post("/admin/rules/stale_new/run", JsonValue.EMPTY_JSON_OBJECT)
                .problem(404, "not-found");
    }

    @Test
    @Order(6)
    void aCronThatDoesNotParseIsReportedInTheDraftAtTheRulesSchedule() {
        var rules = Json.createArrayBuilder().add(scheduled("broken", "every morning", DIGEST));
        var draft = admin.send("PUT", "/admin/config/draft", Api.JSON, withRules(rules).toString(), Map.of())
                .expect(200).json();
        assertEquals(false, draft.getBoolean("valid"));
        var error = draft.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("field").equals("/rules/0/schedule")).findFirst()
                .orElseThrow(() -> new AssertionError(draft.toString()));
        assertEquals("rules/broken.json", error.getString("file"));
        assertTrue(error.getString("message").startsWith("is not a cron expression"), error.toString());
    }

    @Test
    @Order(7)
    void aNewVersionsSchedulesReplaceTheOldOnes() {
        var before = jobs().get("digest");
        var rules = Json.createArrayBuilder().add(scheduled("digest", weekly(9), DIGEST))
                .add(scheduled("weekly", weekly(8), DIGEST));
        Configs.publish(admin, withRules(rules));
        var jobs = jobs();
        assertEquals(List.of("digest", "weekly"), List.copyOf(jobs.keySet()), "stale_new's job is gone");
        assertEquals(nextWeeklyAt(9), due("digest"), "a changed cron starts afresh");
        assertEquals(nextWeeklyAt(8), due("weekly"));
        assertTrue(!before.get(5).equals(jobs.get("digest").get(5)));

        Configs.publish(admin, withRules(Json.createArrayBuilder(Configs.active(admin).getJsonObject("bundle")
                .getJsonArray("rules"))));
        assertEquals(nextWeeklyAt(9), due("digest"), "republishing the same cron keeps the due time");
    }

    @Test
    @Order(8)
    void anotherTenantsOrdersAreNeverTouched() {
        assertEquals(1, get(globexDispatcher, globexAged.getString("id")).getInt("version"));
        assertEquals(List.of(), scheduleTraces(globexDispatcher, globexAged));
        assertEquals(0, Db.countAs(globex, "SELECT count(*) FROM rule_trace WHERE work_order_id = ? AND event = 'schedule'",
                UUID.fromString(globexAged.getString("id"))));
    }
}
