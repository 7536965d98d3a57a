package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The summary report against a seeded data set with known answers, in a tenant of its own on Europe/Madrid: orders,
 * history, comments and SLA clocks inserted as the tenant with chosen times around the change to summer time (Sunday
 * 2026-03-29, a 23-hour day, the weekend 28–29) and back (Sunday 2026-10-25, 25 hours). A second tenant's orders on
 * the same days must never be counted.
 */
class ReportsIT {

    private static final String PASSWORD = "report-pass";
    private static final String ANA = "Ana \"la\" Pérez, jefa";
    private static final String MARCH = "/reports/summary?from=2026-03-27&to=2026-03-31";

    static final List<String> slugs = new ArrayList<>();
    static final List<String> emails = new ArrayList<>();
    static UUID tenant;
    static UUID other;
    static Api admin;
    static Api dispatcher;
    static Api requester;
    static int number = 9000;

    @BeforeAll
    static void aTenantInMadridWithKnownOrders() {
        var slug = It.unique("report");
        tenant = signup(slug);
        admin = Api.as(slug + "-admin@report.test", PASSWORD);
        dispatcher = person(slug, "dora", "dispatcher");
        requester = person(slug, "rosa", "requester");
        var bundle = Configs.active(admin).getJsonObject("bundle");
        Configs.publish(admin, Json.createObjectBuilder(bundle).add("settings", Json.createObjectBuilder()
                .add("timeZone", "Europe/Madrid").add("language", "en")).build());
        other = signup(It.unique("report-other"));
        seedMarch();
        seedOctober();
        seedHistory();
        seedTheOtherTenant();
    }

    private static UUID signup(String slug) {
        slugs.add(slug);
        var adminEmail = slug + "-admin@report.test";
        emails.add(adminEmail);
        var created = Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .post("/signup", Json.createObjectBuilder().add("company", "Reports " + slug).add("slug", slug)
                        .add("adminEmail", adminEmail).add("adminName", "Rafa Report").add("password", PASSWORD)
                        .build())
                .expect(201).json();
        assertEquals(slug, created.getString("slug"));
        return UUID.fromString(created.getString("tenantId"));
    }

    private static Api person(String slug, String name, String role) {
        var email = slug + "-" + name + "@report.test";
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
        KcAdmin.forgetTenant(null, emails);
        slugs.forEach(slug -> KcAdmin.forgetTenant(slug, java.util.List.of()));
    }

    /**
     * Created in [27, 31 March) local: A (Fri), K (Fri), B (Sat), C (Sun 00:30, still Saturday in UTC), D (Mon 00:30
     * summer time, still Sunday in UTC and inside a 24-hour bucket started at Friday's midnight). E completed on the
     * Sunday; F and G only in the backlog.
     */
    private static void seedMarch() {
        var a = order(tenant, "general", "HIGH", "resolved", "north", "alpha", "2026-03-27T10:00+01:00",
                "2026-03-27T14:00+01:00", "ana-id", ANA);
        assigned(a, "2026-03-27T11:00+01:00");
        comment(a, "staff", "PUBLIC", "2026-03-27T12:00+01:00");
        sla(a, "2026-03-27T13:00+01:00", "2026-03-27T12:00+01:00", null, "2026-03-27T18:00+01:00",
                "2026-03-27T14:00+01:00", null);

        // Resolved, taken back to work the next morning and resolved again: one order done, one reopened.
        moved(a, "IN_PROGRESS", "RESOLVED", "2026-03-27T14:00+01:00");
        moved(a, "RESOLVED", "IN_PROGRESS", "2026-03-28T09:00+01:00");
        moved(a, "IN_PROGRESS", "RESOLVED", "2026-03-28T10:00+01:00");

        var b = order(tenant, "general", "NORMAL", "closed", "south", "alpha", "2026-03-28T12:00+01:00",
                "2026-03-30T10:00+02:00", "ana-id", ANA);
        assigned(b, "2026-03-28T14:00+01:00");
        comment(b, "req-1", "PUBLIC", "2026-03-28T13:00+01:00");
        comment(b, "staff", "INTERNAL", "2026-03-28T13:30+01:00");
        comment(b, "staff", "PUBLIC", "2026-03-28T15:00+01:00");
        sla(b, "2026-03-28T16:00+01:00", "2026-03-28T15:00+01:00", null, "2026-03-29T12:00+02:00", null,
                "2026-03-29T12:00+02:00");

        moved(b, "RESOLVED", "CLOSED", "2026-03-30T10:00+02:00");

        var c = order(tenant, "legacy", "HIGH", "open", "north", "beta", "2026-03-29T00:30+01:00", null, null, null);
        assigned(c, "2026-03-29T04:30+02:00");
        sla(c, "2026-03-29T04:00+02:00", null, "2026-03-29T04:00+02:00", "2026-03-30T12:00+02:00", null, null);

        var d = order(tenant, "legacy", "NORMAL", "new", null, null, "2026-03-30T00:30+02:00", null, null, null);
        Db.updateAs(tenant, "INSERT INTO work_order_event (tenant_id, id, work_order_id, occurred_at, kind, field,"
                + " new_value, visibility) VALUES (?, ?, ?, '2026-03-30T01:00+02:00', 'ASSIGNED', 'team', 'beta',"
                + " 'INTERNAL')", tenant, UUID.randomUUID(), d);

        var k = order(tenant, "general", "HIGH", "closed", "north", null, "2026-03-27T13:00+01:00", null, null, null);
        sla(k, "2026-03-27T14:00+01:00", "2026-03-27T15:00+01:00", null, "2026-03-28T13:00+01:00", null, null);

        order(tenant, "general", "LOW", "closed", null, null, "2026-03-20T10:00+01:00", "2026-03-29T12:00+02:00",
                "bruno-id", "Bruno");
        order(tenant, "general", "LOW", "new", "north", "alpha", "2026-03-31T00:10+02:00", null, null, null);
        order(tenant, "legacy", "LOW", "pending", "south", null, "2026-03-26T23:50+01:00", null, null, null);
    }

    /** Closed without completion, so only the October days count them: 24 (23:30 summer), 25 twice, 26 (00:30). */
    private static void seedOctober() {
        for (var created : List.of("2026-10-24T23:30+02:00", "2026-10-25T00:30+02:00", "2026-10-25T23:30+01:00",
                "2026-10-26T00:30+01:00")) {
            order(tenant, "legacy", "LOW", "closed", null, null, created, null, null, null);
        }
    }

    /**
     * Orders whose state at a day's end only the history tells: H (area east), resolved before the March range, taken
     * back to work on Saturday the 28th at 10:00 and resolved again on 2 April; J (type legacy, which the workflows
     * do not know, so its state keys read as the default workflow's), new since 1 October and closed on Sunday
     * 25 October at 23:30 winter time, inside the 25-hour day (a day ended 24 hours after its start would miss it).
     */
    private static void seedHistory() {
        var h = order(tenant, "general", "LOW", "resolved", "east", null, "2026-03-20T09:00+01:00",
                "2026-04-02T10:00+02:00", null, null);
        moved(h, "NEW", "RESOLVED", "2026-03-25T10:00+01:00");
        moved(h, "RESOLVED", "IN_PROGRESS", "2026-03-28T10:00+01:00");
        moved(h, "IN_PROGRESS", "RESOLVED", "2026-04-02T10:00+02:00");
        var j = order(tenant, "legacy", "LOW", "closed", null, null, "2026-10-01T10:00+02:00", null, null, null);
        moved(j, "NEW", "CLOSED", "2026-10-25T23:30+01:00");
    }

    private static void seedTheOtherTenant() {
        var o = order(other, "general", "HIGH", "resolved", "north", "alpha", "2026-03-28T12:00+01:00",
                "2026-03-29T12:00+02:00", "ana-id", ANA);
        Db.updateAs(other, "INSERT INTO work_order_sla (tenant_id, work_order_id, first_response_due,"
                + " first_response_breached_at) VALUES (?, ?, '2026-03-28T13:00+01:00', '2026-03-28T13:00+01:00')",
                other, o);
        order(other, "general", "LOW", "new", "north", "alpha", "2026-03-29T10:00+02:00", null, null, null);
        order(other, "legacy", "LOW", "closed", null, null, "2026-10-25T12:00+01:00", null, null, null);
    }

    private static UUID order(UUID in, String type, String priority, String category, String area, String team,
                              String created, String completed, String completedBy, String completedByName) {
        var id = UUID.randomUUID();
        Db.updateAs(in, "INSERT INTO work_order (tenant_id, id, number, title, type, priority, status,"
                        + " status_category, area, team, requester_id, created_at, created_by, updated_at, completed_at,"
                        + " completed_by, completed_by_name, version) VALUES (?, ?, ?, 'seeded', ?, ?, ?, ?, ?, ?,"
                        + " 'req-1', ?::timestamptz, 'req-1', ?::timestamptz, ?::timestamptz, ?, ?, 1)",
                in, id, number++, type, priority, category, category, area, team, created, created, completed,
                completedBy, completedByName);
        return id;
    }

    private static void moved(UUID order, String from, String to, String at) {
        Db.updateAs(tenant, "INSERT INTO work_order_event (tenant_id, id, work_order_id, occurred_at, kind, field,"
                + " old_value, new_value, visibility) VALUES (?, ?, ?, ?::timestamptz, 'STATUS_CHANGED', 'status', ?, ?,"
                + " 'PUBLIC')", tenant, UUID.randomUUID(), order, at, from, to);
    }

    private static void assigned(UUID order, String at) {
        Db.updateAs(tenant, "INSERT INTO work_order_event (tenant_id, id, work_order_id, occurred_at, kind, field,"
                + " new_value, visibility) VALUES (?, ?, ?, ?::timestamptz, 'ASSIGNED', 'assignee', 'Ana',"
                + " 'INTERNAL')", tenant, UUID.randomUUID(), order, at);
    }

    private static void comment(UUID order, String author, String visibility, String at) {
        Db.updateAs(tenant, "INSERT INTO work_order_comment (tenant_id, id, work_order_id, author_id, body, visibility,"
                + " created_at) VALUES (?, ?, ?, ?, 'hello', ?, ?::timestamptz)", tenant, UUID.randomUUID(), order,
                author, visibility, at);
    }

    private static void sla(UUID order, String responseDue, String responseMet, String responseBreached,
                            String resolutionDue, String resolutionMet, String resolutionBreached) {
        Db.updateAs(tenant, "INSERT INTO work_order_sla (tenant_id, work_order_id, first_response_due,"
                        + " first_response_met_at, first_response_breached_at, resolution_due, resolution_met_at,"
                        + " resolution_breached_at) VALUES (?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz,"
                        + " ?::timestamptz, ?::timestamptz, ?::timestamptz)", tenant, order, responseDue, responseMet,
                responseBreached, resolutionDue, resolutionMet, resolutionBreached);
    }

    private static Res csv(Api api, String path) {
        return api.send("GET", path, null, null, Map.of("Accept", "text/csv"));
    }

    private static String days(JsonObject summary) {
        return summary.getJsonArray("daily").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("date") + "=" + d.getInt("created") + "/" + d.getInt("completed"))
                .collect(Collectors.joining(" "));
    }

    private static String counts(JsonObject backlog, String dimension) {
        return backlog.getJsonArray(dimension).getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("key", null) + "=" + c.getInt("count")).collect(Collectors.joining(" "));
    }

    @Test
    void countsAndLocalDaysAcrossTheChangeToSummerTime() {
        var summary = dispatcher.get(MARCH).expect(200).json();
        assertEquals("2026-03-26T23:00:00Z", summary.getString("from"));
        assertEquals("2026-03-30T22:00:00Z", summary.getString("to"));
        assertEquals("Europe/Madrid", summary.getString("timeZone"));
        assertEquals(5, summary.getInt("created"), "A, K, B, C, D");
        assertEquals(3, summary.getInt("completed"), "A, B and E, created before the range");
        assertEquals("2026-03-27=2/1 2026-03-28=1/0 2026-03-29=1/1 2026-03-30=1/1", days(summary));
        assertEquals("2026-03-23=4/2 2026-03-30=1/1", summary.getJsonArray("weekly").getValuesAs(JsonObject.class)
                .stream().map(w -> w.getString("weekStart") + "=" + w.getInt("created") + "/" + w.getInt("completed"))
                .collect(Collectors.joining(" ")), "Friday to Sunday in the week of Monday the 23rd");
        assertEquals("week_start,created,completed\r\n2026-03-23,4,2\r\n2026-03-30,1,1\r\n",
                csv(dispatcher, MARCH + "&section=weekly").expect(200).body());
    }

    @Test
    void theReopenRateOfTheOrdersDoneInTheRange() {
        var reopens = dispatcher.get(MARCH).expect(200).json().getJsonObject("reopens");
        assertEquals(2, reopens.getInt("done"), "A resolved, B closed");
        assertEquals(1, reopens.getInt("reopened"), "A, taken back to work after it was resolved");
        assertEquals(50.0, reopens.getJsonNumber("percent").doubleValue());
        var filtered = dispatcher.get(MARCH + "&area=south").expect(200).json().getJsonObject("reopens");
        assertEquals(1, filtered.getInt("done"));
        assertEquals(0, filtered.getInt("reopened"));
    }

    @Test
    void theDayBackToWinterTimeIs25Hours() {
        var summary = admin.get("/reports/summary?from=2026-10-24&to=2026-10-28").expect(200).json();
        assertEquals(4, summary.getInt("created"));
        assertEquals("2026-10-24=1/0 2026-10-25=2/0 2026-10-26=1/0 2026-10-27=0/0", days(summary),
                "empty days are there, with zeros");
    }

    @Test
    void theBacklogNowByCategoryTypeAreaAndTeam() {
        var backlog = dispatcher.get(MARCH).expect(200).json().getJsonObject("backlog");
        assertEquals("new=2 open=1 pending=1", counts(backlog, "byStatusCategory"));
        assertEquals("legacy=3 general=1", counts(backlog, "byType"));
        assertEquals("north=2 south=1 null=1", counts(backlog, "byArea"));
        assertEquals("null=2 alpha=1 beta=1", counts(backlog, "byTeam"));
    }

    private static String backlogDays(JsonObject summary) {
        return summary.getJsonArray("backlogDaily").getValuesAs(JsonObject.class).stream().map(d -> {
            var by = d.getJsonObject("byStatusCategory");
            return d.getString("date") + "=" + d.getInt("total") + ":" + by.getInt("new") + "/" + by.getInt("open")
                    + "/" + by.getInt("pending");
        }).collect(Collectors.joining(" "));
    }

    /**
     * At each day's end: G pending throughout; H open from the 28th (its history); C from the 29th (created at 00:30
     * local, 23:30 UTC the day before); D only on the 30th, created at 00:30 summer time, after the 23-hour Sunday
     * ended. A, resolved, taken back and resolved again within the 28th, and B, resolved since it was created, never.
     */
    @Test
    void theBacklogAtTheEndOfEachDayAcrossTheChangeToSummerTime() {
        assertEquals("2026-03-27=1:0/0/1 2026-03-28=2:0/1/1 2026-03-29=3:0/2/1 2026-03-30=4:1/2/1",
                backlogDays(dispatcher.get(MARCH).expect(200).json()));
        assertEquals("2026-03-27=0:0/0/0 2026-03-28=0:0/0/0 2026-03-29=1:0/1/0 2026-03-30=1:0/1/0",
                backlogDays(dispatcher.get(MARCH + "&team=beta").expect(200).json()), "C");
        assertEquals("2026-03-27=0:0/0/0 2026-03-28=1:0/1/0 2026-03-29=1:0/1/0 2026-03-30=1:0/1/0",
                backlogDays(dispatcher.get(MARCH + "&area=east").expect(200).json()), "H");
        assertEquals("2026-03-28=2:0/1/1", backlogDays(dispatcher.get(
                "/reports/summary?from=2026-03-28&to=2026-03-28T09:30").expect(200).json()),
                "a range ending inside a day: at its end, A taken back to work at 09:00 and not yet resolved again");
    }

    private static String backlogDaysBy(JsonObject summary) {
        return summary.getJsonArray("backlogDaily").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("date") + "=" + counts(d, "byType") + "|" + counts(d, "byArea") + "|"
                        + counts(d, "byTeam"))
                .collect(Collectors.joining(" "));
    }

    /** The same days by the orders' current type, area and team: D's team is none, whatever its history says. */
    @Test
    void theBacklogAtTheEndOfEachDayByTypeAreaAndTeamAcrossTheChangeToSummerTime() {
        assertEquals("2026-03-27=legacy=1|south=1|null=1 2026-03-28=general=1 legacy=1|east=1 south=1|null=2"
                        + " 2026-03-29=legacy=2 general=1|east=1 north=1 south=1|null=2 beta=1"
                        + " 2026-03-30=legacy=3 general=1|east=1 north=1 south=1 null=1|null=3 beta=1",
                backlogDaysBy(dispatcher.get(MARCH).expect(200).json()), "G; H; C on the 23-hour Sunday; D");
        assertEquals("2026-03-27=|| 2026-03-28=|| 2026-03-29=legacy=1|north=1|beta=1"
                        + " 2026-03-30=legacy=1|north=1|beta=1",
                backlogDaysBy(dispatcher.get(MARCH + "&team=beta").expect(200).json()), "C");
        assertEquals("date,dimension,key,count\r\n2026-03-29,statusCategory,new,0\r\n"
                        + "2026-03-29,statusCategory,open,0\r\n2026-03-29,statusCategory,pending,1\r\n"
                        + "2026-03-29,type,legacy,1\r\n2026-03-29,area,south,1\r\n2026-03-29,team,,1\r\n",
                csv(dispatcher, "/reports/summary?from=2026-03-29&to=2026-03-30&area=south&section=backlog_daily_by")
                        .expect(200).body(), "G; B, south too, resolved");
    }

    @Test
    void theBacklogAtTheEndOfEachDayByTypeAreaAndTeamAcrossTheChangeBackToWinterTime() {
        assertEquals("2026-10-24=legacy=4 general=1|north=2 null=2 south=1|null=3 alpha=1 beta=1"
                        + " 2026-10-25=legacy=3 general=1|north=2 south=1 null=1|null=2 alpha=1 beta=1",
                backlogDaysBy(admin.get("/reports/summary?from=2026-10-24&to=2026-10-26").expect(200).json()),
                "J (legacy, no area or team) until 23:30 on the 25-hour Sunday");
    }

    @Test
    void theBacklogAtTheEndOfEachDayAcrossTheChangeBackToWinterTime() {
        assertEquals("2026-10-24=5:3/1/1 2026-10-25=4:2/1/1 2026-10-26=4:2/1/1 2026-10-27=4:2/1/1",
                backlogDays(admin.get("/reports/summary?from=2026-10-24&to=2026-10-28").expect(200).json()),
                "D, F new, C open, G pending; J new until 23:30 on the 25-hour Sunday");
    }

    @Test
    void theBacklogPerDayAsCsvStreamedInWindows() {
        assertEquals("date,new,open,pending,total\r\n2026-03-27,0,0,1,1\r\n2026-03-28,0,1,1,2\r\n"
                + "2026-03-29,0,2,1,3\r\n2026-03-30,1,2,1,4\r\n",
                csv(dispatcher, MARCH + "&section=backlog_daily").expect(200).body());
        var lines = csv(admin, "/reports/summary?from=2026-01-01&to=2027-01-02&section=backlog_daily").expect(200)
                .body().split("\r\n");
        assertEquals(1 + 366, lines.length);
        assertEquals("2026-01-01,0,0,0,0", lines[1]);
        assertEquals("2026-03-24,1,0,0,1", lines[83], "H, new until the 25th");
        assertEquals("2026-10-25,2,1,1,4", lines[298]);
    }

    @Test
    void meanAndP90TimesOfTheOrdersCreatedInTheRange() {
        var times = dispatcher.get(MARCH).expect(200).json().getJsonObject("times");
        assertDuration(times.getJsonObject("firstAssignment"), 3, 7200, 10080);
        assertDuration(times.getJsonObject("firstResponse"), 2, 9000, 10440);
        assertDuration(times.getJsonObject("resolution"), 2, 88200, 147240);
    }

    private static void assertDuration(JsonObject duration, int count, double mean, double p90) {
        assertEquals(count, duration.getInt("count"), duration.toString());
        assertEquals(mean, duration.getJsonNumber("meanSeconds").doubleValue(), 0.001, duration.toString());
        assertEquals(p90, duration.getJsonNumber("p90Seconds").doubleValue(), 0.001, duration.toString());
    }

    @Test
    void slaCompliancePerTypeAndPriority() {
        var rows = dispatcher.get(MARCH).expect(200).json().getJsonArray("sla").getValuesAs(JsonObject.class);
        assertEquals(List.of("general HIGH 1/1 50.0 1/0 100.0", "general NORMAL 1/0 100.0 0/1 0.0",
                        "legacy HIGH 0/1 0.0 0/0 null"),
                rows.stream().map(r -> r.getString("type") + " " + r.getString("priority") + " "
                        + compliance(r.getJsonObject("firstResponse")) + " "
                        + compliance(r.getJsonObject("resolution"))).toList());
    }

    private static String compliance(JsonObject c) {
        return c.getInt("met") + "/" + c.getInt("breached") + " "
                + (c.containsKey("percent") ? c.getJsonNumber("percent").toString() : "null");
    }

    @Test
    void completionsPerAgent() {
        var agents = admin.get(MARCH).expect(200).json().getJsonArray("agents").getValuesAs(JsonObject.class);
        assertEquals(List.of("ana-id " + ANA + " 2", "bruno-id Bruno 1"), agents.stream()
                .map(a -> a.getString("id") + " " + a.getString("name") + " " + a.getInt("completed")).toList());
    }

    @Test
    void filtersByTypeAreaAndTeam() {
        var summary = dispatcher.get(MARCH + "&type=general&area=south").expect(200).json();
        assertEquals("general", summary.getString("type"));
        assertEquals(1, summary.getInt("created"), "B");
        assertEquals(1, summary.getInt("completed"), "B");
        assertEquals("", counts(summary.getJsonObject("backlog"), "byType"));
        var team = dispatcher.get(MARCH + "&team=alpha").expect(200).json();
        assertEquals(2, team.getInt("created"), "A, B");
        assertEquals("alpha=1", counts(team.getJsonObject("backlog"), "byTeam"), "F");
    }

    @Test
    void theDailySeriesAsCsv() {
        var res = csv(dispatcher, MARCH).expect(200);
        assertTrue(res.contentType().startsWith("text/csv"), res.contentType());
        assertEquals("date,created,completed\r\n2026-03-27,2,1\r\n2026-03-28,1,0\r\n2026-03-29,1,1\r\n"
                + "2026-03-30,1,1\r\n", res.body());
    }

    @Test
    void aYearOfDaysStreamsInWindowsWithoutLosingOne() {
        var lines = csv(admin, "/reports/summary?from=2026-01-01&to=2027-01-02").expect(200).body().split("\r\n");
        assertEquals(1 + 366, lines.length);
        assertEquals("2026-01-01,0,0", lines[1]);
        assertEquals("2026-03-27,2,1", lines[86]);
        assertEquals("2026-10-25,2,0", lines[298]);
        assertEquals("2027-01-01,0,0", lines[366]);
        assertEquals(366, java.util.Arrays.stream(lines).skip(1).map(l -> l.substring(0, 10)).distinct().count(),
                "every day once");
    }

    @Test
    void otherTablesAsCsvQuotedAsRfc4180() {
        assertEquals("agent_id,agent_name,completed\r\nana-id,\"Ana \"\"la\"\" Pérez, jefa\",2\r\nbruno-id,Bruno,1\r\n",
                csv(dispatcher, MARCH + "&section=agents").expect(200).body());
        assertEquals("type,priority,first_response_met,first_response_breached,first_response_percent,"
                + "resolution_met,resolution_breached,resolution_percent\r\n"
                + "general,HIGH,1,1,50.0,1,0,100.0\r\ngeneral,NORMAL,1,0,100.0,0,1,0.0\r\nlegacy,HIGH,0,1,0.0,0,0,\r\n",
                csv(dispatcher, MARCH + "&section=sla").expect(200).body());
        assertEquals("dimension,key,count\r\nstatusCategory,new,2\r\nstatusCategory,open,1\r\n"
                + "statusCategory,pending,1\r\ntype,legacy,3\r\ntype,general,1\r\narea,north,2\r\narea,south,1\r\n"
                + "area,,1\r\nteam,,2\r\nteam,alpha,1\r\nteam,beta,1\r\n",
                csv(dispatcher, MARCH + "&section=backlog").expect(200).body());
    }

    @Test
    void badInputIsAProblemWithTheFieldsToFix() {
        assertEquals(Set.of("to"), dispatcher.get("/reports/summary?from=2026-03-31&to=2026-03-27").invalidFields());
        assertEquals(Set.of("to"), dispatcher.get("/reports/summary?from=2026-01-01&to=2027-01-03").invalidFields());
        assertEquals(Set.of("from", "type"), dispatcher.get("/reports/summary?to=2026-03-27&type=plumbing")
                .invalidFields());
        assertEquals(Set.of("from"), dispatcher.get("/reports/summary?from=27/03/2026&to=2026-03-31").invalidFields());
        assertEquals(Set.of("section"), csv(dispatcher, MARCH + "&section=everything").invalidFields());
    }

    @Test
    void onlyAdminsAndDispatchersSeeReports() {
        requester.get(MARCH).expect(403);
        csv(requester, MARCH).expect(403);
        Api.anonymous().get(MARCH).expect(401);
    }
}
