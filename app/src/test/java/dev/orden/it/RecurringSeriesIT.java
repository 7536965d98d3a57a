package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Recurring series in acme, made by the IT server's scheduler (polling every second): a due occurrence makes one
 * order linked to its series, a re-run of the same occurrence makes none, pause, resume, edit and end move the
 * series' job, an after-completion series gets its next occurrence when its order is resolved.
 */
class RecurringSeriesIT {

    private static final Api DISPATCHER = Api.as("dispatcher@acme.test");
    private static final Api AGENT = Api.as("agent@acme.test");
    private static final Api GLOBEX = Api.as("dispatcher@globex.test");
    private static final UUID ACME = Db.tenantIds().get("acme");

    /** acme's time zone (tenant-config/acme/settings.json): a series that names none is in it. */
    private static final java.time.ZoneId ACME_ZONE = java.time.ZoneId.of("Europe/Madrid");

    /**
     * {@code schedule} starting two hours ahead in acme's zone: with a day's lead, the first occurrence's order is
     * due at once. The start day is given too, since after 22:00 two hours ahead is tomorrow, and a weekly series
     * starting today at a time already past would first occur in a week.
     */
    private static JsonObjectBuilder inTwoHours(JsonObjectBuilder schedule) {
        var at = ZonedDateTime.now(ACME_ZONE).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        return schedule.add("start", at.toLocalDate().toString()).add("time", at.toLocalTime().toString());
    }

    private static JsonObjectBuilder template(String title) {
        return Json.createObjectBuilder().add("type", "general").add("title", title).add("priority", "HIGH")
                .add("customFields", Json.createObjectBuilder().add("model", "X100"));
    }

    private static JsonObjectBuilder dueNow(String name, JsonObjectBuilder schedule) {
        return Json.createObjectBuilder().add("name", name).add("template", template(name + " visit"))
                .add("schedule", schedule).add("leadDays", 1);
    }

    /** Every series made here, ended after the class so that none makes orders while other suites run. */
    private static final List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterAll
    static void endTheSeries() {
        CREATED.forEach(id -> DISPATCHER.post("/recurring-series/" + id + "/end", Json.createObjectBuilder().build())
                .expect(200));
    }

    private static JsonObject create(Api api, JsonObjectBuilder body) {
        var res = api.post("/recurring-series", body.build()).expect(201);
        var series = res.json();
        CREATED.add(series.getString("id"));
        assertTrue(res.header("Location").orElse("").endsWith("/recurring-series/" + series.getString("id")),
                res.describe());
        return series;
    }

    private static List<JsonObject> orders(String seriesId) {
        return DISPATCHER.get("/recurring-series/" + seriesId + "/orders").expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static long jobs(String seriesId) {
        return Db.countAs(ACME, "SELECT count(*) FROM scheduled_job WHERE kind = 'recurring' AND key = ?", seriesId);
    }

    private static long jobDueAt(String seriesId, String dueAt) {
        return Db.countAs(ACME, "SELECT count(*) FROM scheduled_job WHERE kind = 'recurring' AND key = ?"
                + " AND due_at = ?::timestamptz", seriesId, dueAt);
    }

    @Test
    void aSeriesDueNowMakesExactlyOneOrderLinkedToItThroughTheNormalPath() {
        var name = It.unique("boiler");
        var body = dueNow(name, inTwoHours(Json.createObjectBuilder().add("kind", "interval").add("every", 1)
                .add("unit", "days")));
        var series = create(DISPATCHER, body.add("template", template(name + " visit").add("assignee", AGENT.id())));
        var id = series.getString("id");
        assertEquals("ACTIVE", series.getString("status"));
        assertEquals(ACME_ZONE.getId(), series.getString("zone"), "no zone given: the tenant's");
        var first = Instant.parse(series.getString("nextOccurrence"));
        assertTrue(first.isAfter(Instant.now()), series.toString());

        await("the series made its order", () -> orders(id).size() == 1);
        var made = orders(id).getFirst();
        assertEquals(first.toString(), made.getString("occurrence"));
        var order = WorkOrders.get(DISPATCHER, made.getJsonObject("order").getString("id"));
        assertEquals(Json.createObjectBuilder().add("id", id).add("name", name).add("occurrence", first.toString())
                .build(), order.getJsonObject("series"));
        assertEquals(name + " visit", order.getString("title"));
        assertEquals("HIGH", order.getString("priority"));
        assertEquals("X100", order.getJsonObject("customFields").getString("model"));
        assertEquals(AGENT.id(), order.getJsonObject("assignee").getString("id"), "assigned as the template says");
        assertEquals(first, Instant.parse(order.getString("dueAt")), "due at the occurrence");
        var created = WorkOrders.history(DISPATCHER, order.getString("id")).getFirst();
        assertEquals("series:" + id, created.getJsonObject("actor").getString("id"), created.toString());

        var next = first.atZone(ACME_ZONE).plusDays(1).toInstant(); // a day is 23 or 25 hours when clocks change
        await("the job is due at the next one's creation time", () -> jobDueAt(id, first.toString()) == 1);
        var after = DISPATCHER.get("/recurring-series/" + id).expect(200).json();
        assertEquals(1, after.getInt("generated"));
        assertEquals(next.toString(), after.getString("nextOccurrence"));
        assertEquals(first.toString(), after.getString("nextOrderAt"));
        assertEquals(1, orders(id).size(), "exactly one");
        var plain = WorkOrders.create(DISPATCHER, name + " plain").getString("id");
        assertFalse(WorkOrders.get(DISPATCHER, plain).containsKey("series"), "an order of no series has no link");
        var page = WorkOrders.listAll(DISPATCHER, "q=" + WorkOrders.enc(name));
        assertEquals(Set.of(order.getString("id"), plain),
                page.stream().map(o -> o.getString("id")).collect(Collectors.toSet()));
        for (var listed : page) {
            assertEquals(listed.getString("id").equals(plain) ? null : order.getJsonObject("series"),
                    listed.getJsonObject("series"), "a page of the list links each order as its own view does");
        }
        // Done, so that it adds no open order to the agent's load for the dispatch suites.
        WorkOrders.move(AGENT, order.getString("id"), "IN_PROGRESS");
        WorkOrders.move(AGENT, order.getString("id"), "RESOLVED");
    }

    @Test
    void aRetriedRunOfAnOccurrenceMakesNoSecondOrder() {
        var series = create(DISPATCHER, dueNow(It.unique("retried"), inTwoHours(Json.createObjectBuilder()
                .add("kind", "interval").add("every", 1).add("unit", "weeks"))));
        var id = series.getString("id");
        var first = Instant.parse(series.getString("nextOccurrence"));
        await("the first order", () -> orders(id).size() == 1);
        await("the job settled", () -> jobDueAt(id, first.toString()) == 0 && jobs(id) == 1);

        // As if the run were repeated after its order was committed: the series back on that occurrence, due now.
        assertEquals(1, Db.updateAs(ACME, "UPDATE recurring_series SET next_occurrence = ?::timestamptz"
                + " WHERE id = ?::uuid", first.toString(), id));
        assertEquals(1, Db.updateAs(ACME, "UPDATE scheduled_job SET due_at = now() WHERE kind = 'recurring'"
                + " AND key = ?", id));
        await("the repeated run moved the series on", () -> !first.toString().equals(
                DISPATCHER.get("/recurring-series/" + id).expect(200).json().getString("nextOccurrence", "")));
        assertEquals(1, orders(id).size(), "the occurrence was taken: no second order");
        assertEquals(1, DISPATCHER.get("/recurring-series/" + id).expect(200).json().getInt("generated"));

        var duplicate = assertThrows(IllegalStateException.class, () -> Db.updateAs(ACME,
                "INSERT INTO recurring_occurrence (tenant_id, series_id, occurrence, created_at)"
                        + " VALUES (?::uuid, ?::uuid, ?::timestamptz, now())", ACME.toString(), id, first.toString()));
        assertTrue(duplicate.getMessage().contains("recurring_occurrence_pkey"), duplicate.getMessage());
    }

    @Test
    void editPauseResumeAndEndMoveTheSeriesJob() {
        var nextMonday = Instant.now().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        var body = Json.createObjectBuilder().add("name", It.unique("weekly")).add("template", template("Weekly check"))
                .add("zone", "Europe/Madrid").add("schedule", Json.createObjectBuilder().add("kind", "weekdays")
                        .add("days", Json.createArrayBuilder().add("MON")).add("time", "08:00")
                        .add("start", nextMonday.toString())).build();
        var series = create(DISPATCHER, Json.createObjectBuilder(body));
        var id = series.getString("id");
        var monday = nextMonday.atTime(8, 0).atZone(java.time.ZoneId.of("Europe/Madrid")).toInstant();
        assertEquals(monday.toString(), series.getString("nextOccurrence"));
        assertEquals(1, jobDueAt(id, monday.toString()));

        var thursday = nextMonday.plusDays(3).atTime(9, 30).atZone(java.time.ZoneId.of("Europe/Madrid")).toInstant();
        var edited = DISPATCHER.send("PUT", "/recurring-series/" + id, Api.JSON, Json.createObjectBuilder(body).add("schedule",
                Json.createObjectBuilder().add("kind", "weekdays").add("days", Json.createArrayBuilder().add("thu"))
                        .add("time", "09:30").add("start", nextMonday.toString())).build().toString(),
                java.util.Map.of()).expect(200).json();
        assertEquals(thursday.toString(), edited.getString("nextOccurrence"), "the edit applies to what comes");
        assertEquals(1, jobDueAt(id, thursday.toString()));

        var paused = DISPATCHER.post("/recurring-series/" + id + "/pause", Json.createObjectBuilder().build())
                .expect(200).json();
        assertEquals("PAUSED", paused.getString("status"));
        assertFalse(paused.containsKey("nextOccurrence"));
        assertEquals(0, jobs(id), "a paused series has no job");

        var resumed = DISPATCHER.post("/recurring-series/" + id + "/resume", Json.createObjectBuilder().build())
                .expect(200).json();
        assertEquals("ACTIVE", resumed.getString("status"));
        assertEquals(thursday.toString(), resumed.getString("nextOccurrence"), "the first after now");
        assertEquals(1, jobDueAt(id, thursday.toString()));

        var ended = DISPATCHER.post("/recurring-series/" + id + "/end", Json.createObjectBuilder().build())
                .expect(200).json();
        assertEquals("ENDED", ended.getString("status"));
        assertEquals(0, jobs(id), "an ended series has no job");
        DISPATCHER.post("/recurring-series/" + id + "/resume", Json.createObjectBuilder().build())
                .problem(409, "conflict");
        assertTrue(DISPATCHER.get("/recurring-series").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().anyMatch(s -> s.getString("id").equals(id)));
        assertEquals(List.of(), orders(id));
    }

    @Test
    void anAfterCompletionSeriesSchedulesTheNextWhenItsOrderIsResolved() {
        var schedule = inTwoHours(Json.createObjectBuilder().add("kind", "afterCompletion").add("days", 3)).build();
        var time = LocalTime.parse(schedule.getString("time"));
        var series = create(DISPATCHER, dueNow(It.unique("filters"), Json.createObjectBuilder(schedule)));
        var id = series.getString("id");
        await("the first order", () -> orders(id).size() == 1);
        await("no job while its order is open", () -> jobs(id) == 0);
        var waiting = DISPATCHER.get("/recurring-series/" + id).expect(200).json();
        assertEquals("ACTIVE", waiting.getString("status"));
        assertFalse(waiting.containsKey("nextOccurrence"), waiting.toString());

        var orderId = orders(id).getFirst().getJsonObject("order").getString("id");
        WorkOrders.assign(DISPATCHER, orderId, AGENT.id(), null).expect(200);
        WorkOrders.move(AGENT, orderId, "IN_PROGRESS");
        WorkOrders.move(AGENT, orderId, "RESOLVED");
        var resolvedOn = java.time.LocalDate.now(ACME_ZONE);

        var next = resolvedOn.plusDays(3).atTime(time).atZone(ACME_ZONE).toInstant();
        var after = DISPATCHER.get("/recurring-series/" + id).expect(200).json();
        assertEquals(next.toString(), after.getString("nextOccurrence"), after.toString());
        var lead = next.atZone(ACME_ZONE).minusDays(1).toInstant();
        assertEquals(1, jobDueAt(id, lead.toString()), "due a day ahead (lead)");
        assertEquals(1, orders(id).size());
    }

    @Test
    void anotherTenantsSeriesIsNotFound() {
        var id = create(DISPATCHER, dueNow(It.unique("mine"), Json.createObjectBuilder().add("kind", "cron")
                .add("cron", "0 8 1 * *")).add("leadDays", 0)).getString("id");
        GLOBEX.get("/recurring-series/" + id).problem(404, "not-found");
        GLOBEX.get("/recurring-series/" + id + "/orders").problem(404, "not-found");
        GLOBEX.post("/recurring-series/" + id + "/pause", Json.createObjectBuilder().build()).problem(404, "not-found");
        GLOBEX.send("PUT", "/recurring-series/" + id, Api.JSON, dueNow("x", Json.createObjectBuilder()
                .add("kind", "cron").add("cron", "0 8 1 * *")).build().toString(), java.util.Map.of())
                .problem(404, "not-found");
        assertTrue(GLOBEX.get("/recurring-series").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().noneMatch(s -> s.getString("id").equals(id)));
        assertEquals("ACTIVE", DISPATCHER.get("/recurring-series/" + id).expect(200).json().getString("status"));
        AGENT.get("/recurring-series/" + id).problem(403, null);
    }

    @Test
    void badInputIsA422NamingEachField() {
        var bad = Json.createObjectBuilder().add("name", "Bad").add("zone", "Mars/Olympus").add("leadDays", -1)
                .add("template", template("x")).add("schedule", Json.createObjectBuilder().add("kind", "cron")
                        .add("cron", "every day at eight"));
        assertEquals(Set.of("zone", "leadDays", "schedule.cron"),
                DISPATCHER.post("/recurring-series", bad.build()).invalidFields());
        var zeroDays = Json.createObjectBuilder().add("name", "Zero").add("template", template("x"))
                .add("schedule", Json.createObjectBuilder().add("kind", "interval").add("every", 0).add("unit", "days")
                        .add("time", "25:00"));
        assertEquals(Set.of("schedule.every", "schedule.time"),
                DISPATCHER.post("/recurring-series", zeroDays.build()).invalidFields());
        var noKind = Json.createObjectBuilder().add("name", "").add("template", template("x"))
                .add("schedule", Json.createObjectBuilder().add("kind", "hourly"));
        assertEquals(Set.of("name", "schedule.kind"), DISPATCHER.post("/recurring-series", noKind.build()).invalidFields());
        var weekly = Json.createObjectBuilder().add("kind", "weekdays").add("days", Json.createArrayBuilder()
                .add("MON").add("Funday")).add("time", "08:00");
        assertEquals(Set.of("schedule.days"), DISPATCHER.post("/recurring-series", Json.createObjectBuilder()
                .add("name", "Days").add("template", template("x")).add("schedule", weekly).build()).invalidFields());

        var cron = Json.createObjectBuilder().add("kind", "cron").add("cron", "0 8 * * 1").build();
        var unknownType = Json.createObjectBuilder().add("name", "T").add("schedule", cron)
                .add("template", Json.createObjectBuilder().add("type", "spaceship").add("title", "x"));
        assertEquals(Set.of("template.type"), DISPATCHER.post("/recurring-series", unknownType.build()).invalidFields());
        var withDueAt = Json.createObjectBuilder().add("name", "V").add("schedule", cron)
                .add("template", Json.createObjectBuilder().add("type", "repair").add("title", "x").add("dueAt", "x"));
        assertEquals(Set.of("template.dueAt"), DISPATCHER.post("/recurring-series", withDueAt.build()).invalidFields(),
                "a series sets dueAt itself");
        var badValues = Json.createObjectBuilder().add("name", "V").add("schedule", cron)
                .add("template", Json.createObjectBuilder().add("type", "repair").add("title", "x")
                        .add("customFields", Json.createObjectBuilder().add("purchaseDate", "yesterday"))).build();
        var fields = DISPATCHER.post("/recurring-series", badValues).invalidFields();
        assertTrue(fields.contains("template.customFields.purchaseDate"), fields.toString());
        assertTrue(fields.contains("template.customFields.appliance"), "required by the type: " + fields);
        AGENT.post("/recurring-series", badValues).problem(403, null);
    }

    private static void await(String what, Supplier<Boolean> condition) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 30 s: " + what);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }
}
