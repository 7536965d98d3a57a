package dev.orden.report;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The summary report, as JSON; each part is also a CSV {@link Section}. */
@JsonbPropertyOrder({"from", "to", "timeZone", "type", "area", "team", "created", "completed", "backlog",
        "backlogDaily", "daily", "weekly", "times", "reopens", "sla", "agents", "workload", "csat"})
public record Summary(Instant from, Instant to, String timeZone, String type, String area, String team, long created,
                      long completed, Backlog backlog, List<BacklogDay> backlogDaily, List<Day> daily,
                      List<Week> weekly, Times times, Reopens reopens, List<SlaRow> sla, List<Agent> agents,
                      Workload workload, Csat csat) {

    /** A count under one key (a category, type, area or team; null for orders without one). */
    public record Count(String key, long count) {}

    /** Orders still to be done now (categories new, open and pending), whatever the range. */
    public record Backlog(List<Count> byStatusCategory, List<Count> byType, List<Count> byArea, List<Count> byTeam) {}

    /**
     * Orders still to be done at the end of one local day of the tenant (the range's end on its last day when the
     * range ends inside it): their {@code total}, their count per category new, open and pending, and their counts by
     * the order's current type, area and team (most first, zero counts left out, key absent for none).
     */
    @JsonbPropertyOrder({"date", "total", "byStatusCategory", "byType", "byArea", "byTeam"})
    public record BacklogDay(LocalDate date, long total, java.util.Map<String, Long> byStatusCategory,
                             List<Count> byType, List<Count> byArea, List<Count> byTeam) {
        static BacklogDay of(LocalDate date, long fresh, long open, long pending) {
            return of(date, fresh, open, pending, List.of(), List.of(), List.of());
        }

        static BacklogDay of(LocalDate date, long fresh, long open, long pending, List<Count> byType,
                             List<Count> byArea, List<Count> byTeam) {
            var byCategory = new java.util.LinkedHashMap<String, Long>();
            byCategory.put("new", fresh);
            byCategory.put("open", open);
            byCategory.put("pending", pending);
            return new BacklogDay(date, fresh + open + pending, java.util.Collections.unmodifiableMap(byCategory),
                    List.copyOf(byType), List.copyOf(byArea), List.copyOf(byTeam));
        }
    }

    /** One count of the backlog at a day's end: {@code dimension} is statusCategory, type, area or team. */
    record DayCount(LocalDate date, String dimension, String key, long count) {}

    /** The counts, in order of day (each day's in the order given), as one {@link BacklogDay} per day. */
    static List<BacklogDay> backlogDays(List<DayCount> counts) {
        var days = new java.util.ArrayList<BacklogDay>();
        var byDay = new java.util.LinkedHashMap<LocalDate, java.util.Map<String, List<Count>>>();
        for (var count : counts) {
            byDay.computeIfAbsent(count.date(), d -> new java.util.HashMap<>())
                    .computeIfAbsent(count.dimension(), d -> new java.util.ArrayList<>())
                    .add(new Count(count.key(), count.count()));
        }
        byDay.forEach((date, by) -> {
            var categories = new java.util.HashMap<String, Long>();
            by.getOrDefault("statusCategory", List.of()).forEach(c -> categories.put(c.key(), c.count()));
            days.add(BacklogDay.of(date, categories.getOrDefault("new", 0L), categories.getOrDefault("open", 0L),
                    categories.getOrDefault("pending", 0L), by.getOrDefault("type", List.of()),
                    by.getOrDefault("area", List.of()), by.getOrDefault("team", List.of())));
        });
        return List.copyOf(days);
    }

    /** One local day of the tenant: orders created and completed on it. */
    public record Day(LocalDate date, long created, long completed) {}

    /** A week of local days, from Monday ({@code weekStart}); the first and last count only their days in the range. */
    public record Week(LocalDate weekStart, long created, long completed) {}

    /** The days summed by the week (Monday to Sunday) they fall in, in order. */
    static List<Week> weeks(List<Day> days) {
        var weeks = new java.util.ArrayList<Week>();
        for (var day : days) {
            var monday = day.date().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            var last = weeks.isEmpty() ? null : weeks.getLast();
            if (last != null && last.weekStart().equals(monday)) {
                weeks.set(weeks.size() - 1, new Week(monday, last.created() + day.created(),
                        last.completed() + day.completed()));
            } else {
                weeks.add(new Week(monday, day.created(), day.completed()));
            }
        }
        return List.copyOf(weeks);
    }

    /** How long a step took, over the orders created in the range that reached it; null when none did. */
    public record Duration(long count, Double meanSeconds, Double p90Seconds) {}

    @JsonbPropertyOrder({"firstAssignment", "firstResponse", "resolution"})
    public record Times(Duration firstAssignment, Duration firstResponse, Duration resolution) {}

    /**
     * Orders that reached a done state (category resolved or closed) in the range, and how many of them were taken
     * back to work after that; the percentage reopened, null when none was done.
     */
    public record Reopens(long done, long reopened, Double percent) {
        static Reopens of(long done, long reopened) {
            return new Reopens(done, reopened, done == 0 ? null
                    : BigDecimal.valueOf(reopened * 100.0 / done).setScale(1, RoundingMode.HALF_UP).doubleValue());
        }
    }

    /** Targets met and breached; the percentage met, null when none was decided yet. */
    public record Compliance(long met, long breached, Double percent) {
        static Compliance of(long met, long breached) {
            var decided = met + breached;
            return new Compliance(met, breached, decided == 0 ? null
                    : BigDecimal.valueOf(met * 100.0 / decided).setScale(1, RoundingMode.HALF_UP).doubleValue());
        }
    }

    @JsonbPropertyOrder({"type", "priority", "firstResponse", "resolution"})
    public record SlaRow(String type, String priority, Compliance firstResponse, Compliance resolution) {}

    public record Agent(String id, String name, long completed) {}

    /**
     * Satisfaction ratings given in the range: how many, their mean (null when none, one decimal) and the count of
     * each score, {@code distribution[0]} for 1 to {@code distribution[4]} for 5.
     */
    public record Csat(long count, Double average, List<Long> distribution) {
        static Csat of(long count, Double mean, List<Long> distribution) {
            return new Csat(count, mean == null ? null
                    : BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP).doubleValue(), distribution);
        }
    }

    /**
     * Each assignee's load now, whatever the range: orders still to be done by status category (new, open,
     * pending) and their total, and the visits planned for the tenant's local {@code day} (today) of their orders
     * not closed.
     */
    @JsonbPropertyOrder({"day", "agents"})
    public record Workload(LocalDate day, List<AgentLoad> agents) {}

    @JsonbPropertyOrder({"id", "name", "total", "byStatusCategory", "scheduledToday"})
    public record AgentLoad(String id, String name, long total, java.util.Map<String, Long> byStatusCategory,
                            long scheduledToday) {}
}
