package dev.orden.report;

import dev.orden.shared.csv.Csv;
import dev.orden.config.ActiveConfiguration;
import dev.orden.config.TenantSettings;
import dev.orden.report.Summary.Count;
import dev.orden.report.Summary.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The caller's tenant's reports: read as JSON in one transaction, or written out as CSV a month at a time. */
@ApplicationScoped
public class ReportService {

    /** Days of the daily series read per query when streaming, so a long range is never held whole. */
    static final int DAYS_PER_QUERY = 31;

    @Inject
    ReportQueries queries;

    @Inject
    ActiveConfiguration configuration;

    /** The request in the tenant's zone ({@code settings.json}), its type one of the active configuration's. */
    public ReportRequest request(String from, String to, String type, String area, String team) {
        var active = configuration.current();
        var zone = active.map(a -> TenantSettings.of(a.bundle()).timeZone()).orElse(TenantSettings.DEFAULTS.timeZone());
        Set<String> types = active.map(a -> a.types().keys()).orElse(Set.of());
        return ReportRequest.parse(from, to, type, area, team, zone, types);
    }

    @Transactional
    public Summary summary(UUID tenant, ReportRequest request) {
        var counts = queries.createdAndCompleted(tenant, request);
        var daily = queries.daily(tenant, request, request.firstDay(), request.endDay());
        return new Summary(request.from(), request.to(), request.zone().getId(), request.type(), request.area(),
                request.team(), counts[0], counts[1], queries.backlog(tenant, request),
                queries.backlogDaily(tenant, request, request.firstDay(), request.endDay(), states()), daily,
                Summary.weeks(daily),
                queries.times(tenant, request), queries.reopens(tenant, request, doneStates()),
                queries.sla(tenant, request), queries.agents(tenant, request), workload(tenant, request),
                queries.csat(tenant, request));
    }

    /** The load now; the visits of the tenant's today. */
    Summary.Workload workload(UUID tenant, ReportRequest request) {
        var today = LocalDate.now(request.zone());
        return new Summary.Workload(today, queries.workload(tenant, request, request.startOf(today),
                request.startOf(today.plusDays(1))));
    }

    private StateCategories states() {
        return configuration.current().map(active -> StateCategories.of(active.bundle())).orElse(StateCategories.NONE);
    }

    /** Like the daily series: a window of days per query, written as it comes. */
    private void backlogDaily(UUID tenant, ReportRequest request, Writer out) throws IOException {
        var states = states();
        for (var first = request.firstDay(); first.isBefore(request.endDay()); first = first.plusDays(DAYS_PER_QUERY)) {
            var end = min(first.plusDays(DAYS_PER_QUERY), request.endDay());
            for (var day : queries.backlogDaily(tenant, request, first, end, states)) {
                var by = day.byStatusCategory();
                Csv.record(out, List.of(day.date(), by.get("new"), by.get("open"), by.get("pending"), day.total()));
            }
            out.flush();
        }
    }

    /** The same days in long form: a row per day, dimension and key, as the JSON's (zero counts only by category). */
    private void backlogDailyBy(UUID tenant, ReportRequest request, Writer out) throws IOException {
        var states = states();
        for (var first = request.firstDay(); first.isBefore(request.endDay()); first = first.plusDays(DAYS_PER_QUERY)) {
            var end = min(first.plusDays(DAYS_PER_QUERY), request.endDay());
            for (var day : queries.backlogDaily(tenant, request, first, end, states)) {
                for (var category : day.byStatusCategory().entrySet()) {
                    Csv.record(out, List.of(day.date(), "statusCategory", category.getKey(), category.getValue()));
                }
                dayCounts(out, day.date(), "type", day.byType());
                dayCounts(out, day.date(), "area", day.byArea());
                dayCounts(out, day.date(), "team", day.byTeam());
            }
            out.flush();
        }
    }

    private static void dayCounts(Writer out, LocalDate date, String dimension, List<Count> counts)
            throws IOException {
        for (var count : counts) Csv.record(out, java.util.Arrays.asList(date, dimension, count.key(), count.count()));
    }

    /** The keys of every state of the active workflows whose category is resolved or closed. */
    private Set<String> doneStates() {
        var keys = new java.util.TreeSet<String>();
        configuration.current().ifPresent(active -> active.bundle().getJsonArray("workflows")
                .getValuesAs(jakarta.json.JsonObject.class).forEach(workflow -> workflow.getJsonArray("states")
                        .getValuesAs(jakarta.json.JsonObject.class).stream()
                        .filter(state -> Set.of("resolved", "closed").contains(state.getString("category", "")))
                        .forEach(state -> keys.add(state.getString("key")))));
        return keys;
    }

    /** Writes one section as CSV, header first; the daily series window by window, each its own query. */
    public void csv(UUID tenant, ReportRequest request, Section section, Writer out) throws IOException {
        Csv.record(out, section.header());
        switch (section) {
            case DAILY -> daily(tenant, request, out);
            case WEEKLY -> {
                // At most 53 weeks of at most 366 days: small enough to read whole.
                for (var week : Summary.weeks(queries.daily(tenant, request, request.firstDay(), request.endDay()))) {
                    Csv.record(out, List.of(week.weekStart(), week.created(), week.completed()));
                }
            }
            case BACKLOG -> backlog(tenant, request, out);
            case BACKLOG_DAILY -> backlogDaily(tenant, request, out);
            case BACKLOG_DAILY_BY -> backlogDailyBy(tenant, request, out);
            case TIMES -> times(tenant, request, out);
            case SLA -> {
                for (var row : queries.sla(tenant, request)) {
                    Csv.record(out, List.of(row.type(), row.priority(), row.firstResponse().met(),
                            row.firstResponse().breached(), blank(row.firstResponse().percent()),
                            row.resolution().met(), row.resolution().breached(), blank(row.resolution().percent())));
                }
            }
            case WORKLOAD -> {
                for (var agent : workload(tenant, request).agents()) {
                    var by = agent.byStatusCategory();
                    Csv.record(out, java.util.Arrays.asList(agent.id(), agent.name(), by.get("new"), by.get("open"),
                            by.get("pending"), agent.total(), agent.scheduledToday()));
                }
            }
            case AGENTS -> {
                for (var agent : queries.agents(tenant, request)) {
                    Csv.record(out, java.util.Arrays.asList(agent.id(), agent.name(), agent.completed()));
                }
            }
            case CSAT -> csat(tenant, request, out);
        }
    }

    private void daily(UUID tenant, ReportRequest request, Writer out) throws IOException {
        for (var first = request.firstDay(); first.isBefore(request.endDay()); first = first.plusDays(DAYS_PER_QUERY)) {
            var end = min(first.plusDays(DAYS_PER_QUERY), request.endDay());
            for (var day : queries.daily(tenant, request, first, end)) {
                Csv.record(out, List.of(day.date(), day.created(), day.completed()));
            }
            out.flush();
        }
    }

    /** One row per score 1..5 with its count, then {@code average} with the mean (blank when none). */
    private void csat(UUID tenant, ReportRequest request, Writer out) throws IOException {
        var csat = queries.csat(tenant, request);
        for (int score = 1; score <= 5; score++) Csv.record(out, List.of(score, csat.distribution().get(score - 1)));
        Csv.record(out, List.of("average", blank(csat.average())));
    }

    private void backlog(UUID tenant, ReportRequest request, Writer out) throws IOException {
        var backlog = queries.backlog(tenant, request);
        counts(out, "statusCategory", backlog.byStatusCategory());
        counts(out, "type", backlog.byType());
        counts(out, "area", backlog.byArea());
        counts(out, "team", backlog.byTeam());
    }

    private static void counts(Writer out, String dimension, List<Count> counts) throws IOException {
        for (var count : counts) Csv.record(out, java.util.Arrays.asList(dimension, count.key(), count.count()));
    }

    private void times(UUID tenant, ReportRequest request, Writer out) throws IOException {
        var times = queries.times(tenant, request);
        step(out, "firstAssignment", times.firstAssignment());
        step(out, "firstResponse", times.firstResponse());
        step(out, "resolution", times.resolution());
    }

    private static void step(Writer out, String name, Duration duration) throws IOException {
        Csv.record(out, List.of(name, duration.count(), blank(duration.meanSeconds()), blank(duration.p90Seconds())));
    }

    private static Object blank(Object value) {
        return value == null ? "" : value;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
