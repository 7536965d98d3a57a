package dev.orden.report;

import dev.orden.report.Summary.Agent;
import dev.orden.report.Summary.Backlog;
import dev.orden.report.Summary.Compliance;
import dev.orden.report.Summary.Csat;
import dev.orden.report.Summary.Count;
import dev.orden.report.Summary.Day;
import dev.orden.report.Summary.Duration;
import dev.orden.report.Summary.Reopens;
import dev.orden.report.Summary.SlaRow;
import dev.orden.report.Summary.Times;
import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The report's numbers, each computed by PostgreSQL in one query over the tenant's rows (row-level security as
 * everywhere: through {@link TenantEntityManager}); docs/reports.md names the index each one uses.
 */
@ApplicationScoped
@Transactional
public class ReportQueries {

    /** An order's first assignment: the first history entry giving it to a person. */
    private static final String FIRST_ASSIGNMENT = "(SELECT min(e.occurred_at) FROM work_order_event e"
            + " WHERE e.work_order_id = w.id AND e.kind = 'ASSIGNED' AND e.field = 'assignee')";
    /** An order's first response: the first public comment by someone other than its requester. */
    private static final String FIRST_RESPONSE = "(SELECT min(c.created_at) FROM work_order_comment c"
            + " WHERE c.work_order_id = w.id AND c.visibility = 'PUBLIC' AND c.author_id <> w.requester_id)";

    @Inject
    TenantEntityManager tenantEm;

    public long[] createdAndCompleted(UUID tenant, ReportRequest request) {
        var sql = new ReportSql().append("SELECT (SELECT count(*) FROM work_order w WHERE");
        sql.inRange("w", "created_at", request.from(), request.to(), request)
                .append("), (SELECT count(*) FROM work_order w WHERE")
                .inRange("w", "completed_at", request.from(), request.to(), request).append(")");
        var row = (Object[]) query(tenant, sql).getSingleResult();
        return new long[] {number(row[0]), number(row[1])};
    }

    /** Created and completed per local day of the tenant, days {@code first} to {@code end} (exclusive). */
    public List<Day> daily(UUID tenant, ReportRequest request, LocalDate first, LocalDate end) {
        var from = max(request.from(), request.startOf(first));
        var to = min(request.to(), request.startOf(end));
        var sql = new ReportSql();
        var zone = sql.p(request.zone().getId());
        sql.append("WITH created AS (SELECT (w.created_at AT TIME ZONE " + zone + ")::date AS day, count(*) AS n"
                + " FROM work_order w WHERE").inRange("w", "created_at", from, to, request)
                .append(" GROUP BY 1), completed AS (SELECT (w.completed_at AT TIME ZONE " + zone + ")::date AS day,"
                        + " count(*) AS n FROM work_order w WHERE").inRange("w", "completed_at", from, to, request)
                .append(" GROUP BY 1) SELECT d::date::text, coalesce(c.n, 0), coalesce(k.n, 0)"
                        + " FROM generate_series(" + sql.p(first) + "::date::timestamp, (" + sql.p(end)
                        + "::date - 1)::timestamp, interval '1 day') AS d"
                        + " LEFT JOIN created c ON c.day = d::date LEFT JOIN completed k ON k.day = d::date"
                        + " ORDER BY 1");
        return rows(tenant, sql).stream()
                .map(r -> new Day(LocalDate.parse((String) r[0]), number(r[1]), number(r[2]))).toList();
    }

    public Backlog backlog(UUID tenant, ReportRequest request) {
        var sql = new ReportSql().append("SELECT CASE WHEN grouping(w.status_category) = 0 THEN 'statusCategory'"
                + " WHEN grouping(w.type) = 0 THEN 'type' WHEN grouping(w.area) = 0 THEN 'area' ELSE 'team' END,"
                + " coalesce(w.status_category, w.type, w.area, w.team), count(*) FROM work_order w"
                + " WHERE w.status_category IN ('new', 'open', 'pending')").filtered("w", request)
                .append(" GROUP BY GROUPING SETS ((w.status_category), (w.type), (w.area), (w.team))"
                        + " ORDER BY 1, 3 DESC, 2 NULLS LAST");
        var byDimension = new java.util.HashMap<String, List<Count>>();
        for (var row : rows(tenant, sql)) {
            byDimension.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(new Count((String) row[1], number(row[2])));
        }
        return new Backlog(byDimension.getOrDefault("statusCategory", List.of()),
                byDimension.getOrDefault("type", List.of()), byDimension.getOrDefault("area", List.of()),
                byDimension.getOrDefault("team", List.of()));
    }

    /**
     * Orders to be done (categories new, open, pending) at the end of each local day {@code first} to {@code end}
     * (exclusive; the last day's end is {@code to} when the range ends inside it), by category. An order's state at
     * an instant comes from its history: the spans between its status changes, the first holding the state the first
     * change left; the last span's category is the order's own (current) one, the earlier ones the workflow's.
     * Also by the order's current type, area and team: one running sum per (dimension, key), in the same pass.
     */
    public List<Summary.BacklogDay> backlogDaily(UUID tenant, ReportRequest request, LocalDate first, LocalDate end,
                                                 StateCategories states) {
        var sql = new ReportSql();
        var zone = sql.p(request.zone().getId());
        var firstDay = sql.p(first) + "::date";
        var endDay = sql.p(end) + "::date";
        var since = sql.at(max(request.from(), request.startOf(first)));
        var until = sql.at(min(request.to(), request.startOf(end)));
        sql.append("WITH states AS (SELECT * FROM unnest(" + sql.array(states.types()) + ", "
                + sql.array(states.keys()) + ", " + sql.array(states.categories()) + ") AS s(type, key, category)),"
                + " orders AS (SELECT w.id, w.type, w.area, w.team, w.created_at, w.status, w.status_category"
                + " FROM work_order w WHERE w.created_at < " + until).filtered("w", request)
                .append("), changes AS (SELECT e.work_order_id AS id, e.occurred_at, e.old_value, e.new_value,"
                        + " row_number() OVER (PARTITION BY e.work_order_id ORDER BY e.occurred_at, e.id) AS n,"
                        + " lead(e.occurred_at) OVER (PARTITION BY e.work_order_id ORDER BY e.occurred_at, e.id)"
                        + " AS next FROM orders o JOIN work_order_event e ON e.work_order_id = o.id"
                        + " WHERE e.kind = 'STATUS_CHANGED'),"
                        + " spans AS (SELECT o.id, o.type, o.area, o.team, o.created_at AS since,"
                        + " coalesce(c.occurred_at, 'infinity') AS until, coalesce(c.old_value, o.status) AS status,"
                        + " CASE WHEN c.id IS NULL THEN o.status_category END AS category"
                        + " FROM orders o LEFT JOIN changes c ON c.id = o.id AND c.n = 1"
                        + " UNION ALL SELECT c.id, o.type, o.area, o.team, c.occurred_at, coalesce(c.next, 'infinity'),"
                        + " c.new_value, CASE WHEN c.next IS NULL THEN o.status_category END FROM changes c JOIN orders o"
                        + " ON o.id = c.id),"
                        // A span counts at the ends of the days from its start's day to the day before its end's.
                        + " live AS (SELECT category, type, area, team, greatest(" + day("since", zone, until, endDay)
                        + ", " + firstDay + ") AS s, " + day("until", zone, until, endDay) + " AS u FROM (SELECT"
                        + " s.type, s.area, s.team, s.since, s.until,"
                        + " coalesce(s.category, (SELECT t.category FROM states t WHERE t.type = s.type"
                        + " AND t.key = s.status), (SELECT min(t.category) FROM states t WHERE t.key = s.status))"
                        + " AS category FROM spans s WHERE s.until > " + since + ") x"
                        + " WHERE category IN ('new', 'open', 'pending')),"
                        + " moves AS (SELECT s AS day, category, type, area, team, 1 AS n FROM live WHERE s < u"
                        + " UNION ALL SELECT u, category, type, area, team, -1 FROM live WHERE s < u AND u < "
                        + endDay + "),"
                        + " per_day AS (SELECT day, CASE WHEN grouping(category) = 0 THEN 'statusCategory'"
                        + " WHEN grouping(type) = 0 THEN 'type' WHEN grouping(area) = 0 THEN 'area' ELSE 'team' END"
                        + " AS dimension, coalesce(category, type, area, team) AS key, sum(n) AS n FROM moves"
                        + " GROUP BY GROUPING SETS ((day, category), (day, type), (day, area), (day, team))),"
                        // Every category every day, even with no order ever in it; other keys once they appear.
                        + " keys AS (SELECT DISTINCT dimension, key FROM per_day UNION SELECT 'statusCategory', k"
                        + " FROM unnest(ARRAY['new', 'open', 'pending']) AS k),"
                        + " running AS (SELECT d::date AS day, k.dimension, k.key, sum(coalesce(p.n, 0)) OVER"
                        + " (PARTITION BY k.dimension, k.key ORDER BY d) AS n FROM generate_series(" + firstDay
                        + "::timestamp, (" + endDay + " - 1)::timestamp, interval '1 day') AS d CROSS JOIN keys k"
                        + " LEFT JOIN per_day p ON p.day = d::date AND p.dimension = k.dimension"
                        + " AND p.key IS NOT DISTINCT FROM k.key)"
                        + " SELECT day::text, dimension, key, n FROM running WHERE n <> 0"
                        + " OR dimension = 'statusCategory' ORDER BY day, dimension, n DESC, key NULLS LAST");
        return Summary.backlogDays(rows(tenant, sql).stream().map(r -> new Summary.DayCount(
                LocalDate.parse((String) r[0]), (String) r[1], (String) r[2], number(r[3]))).toList());
    }

    /**
     * The local day an instant falls in, or {@code endDay} from {@code cap} on (the last day's end when the range
     * ends inside it): then an instant is before a day's end exactly when its day is not after that day.
     */
    private static String day(String column, String zone, String cap, String endDay) {
        return "CASE WHEN " + column + " >= " + cap + " THEN " + endDay + " ELSE (" + column + " AT TIME ZONE " + zone
                + ")::date END";
    }

    /**
     * Orders moved into one of the {@code done} states in the range (their first such move), and those of them moved
     * from a done state back to another one afterwards: the history's status entries hold state keys.
     */
    public Reopens reopens(UUID tenant, ReportRequest request, java.util.Collection<String> done) {
        if (done.isEmpty()) return Reopens.of(0, 0);
        var sql = new ReportSql();
        var keys = sql.p("{" + String.join(",", done) + "}") + "::text[]";
        sql.append("WITH finished AS (SELECT e.work_order_id, min(e.occurred_at) AS at FROM work_order_event e"
                + " JOIN work_order w ON w.tenant_id = e.tenant_id AND w.id = e.work_order_id"
                + " WHERE e.kind = 'STATUS_CHANGED' AND e.new_value = ANY(" + keys + ")"
                + " AND e.occurred_at >= " + sql.at(request.from()) + " AND e.occurred_at < " + sql.at(request.to()))
                .filtered("w", request)
                .append(" GROUP BY 1) SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM work_order_event r"
                        + " WHERE r.work_order_id = finished.work_order_id AND r.kind = 'STATUS_CHANGED'"
                        + " AND r.old_value = ANY(" + keys + ") AND NOT (r.new_value = ANY(" + keys + "))"
                        + " AND r.occurred_at > finished.at)) FROM finished");
        var row = rows(tenant, sql).getFirst();
        return Reopens.of(number(row[0]), number(row[1]));
    }

    /** Time to first assignment, first response and resolution of the orders created in the range. */
    public Times times(UUID tenant, ReportRequest request) {
        var sql = new ReportSql().append("SELECT " + aggregates("assigned") + ", " + aggregates("responded") + ", "
                + aggregates("resolved") + " FROM (SELECT"
                + " extract(epoch FROM " + FIRST_ASSIGNMENT + " - w.created_at)::float8 AS assigned,"
                + " extract(epoch FROM " + FIRST_RESPONSE + " - w.created_at)::float8 AS responded,"
                + " extract(epoch FROM w.completed_at - w.created_at)::float8 AS resolved"
                + " FROM work_order w WHERE").inRange("w", "created_at", request.from(), request.to(), request)
                .append(") o");
        var row = (Object[]) query(tenant, sql).getSingleResult();
        return new Times(duration(row, 0), duration(row, 3), duration(row, 6));
    }

    /** SLA targets met and breached per type and priority, over the orders created in the range. */
    public List<SlaRow> sla(UUID tenant, ReportRequest request) {
        var sql = new ReportSql().append("SELECT w.type, w.priority, " + compliance("first_response") + ", "
                + compliance("resolution") + " FROM work_order w JOIN work_order_sla s ON s.work_order_id = w.id"
                + " WHERE").inRange("w", "created_at", request.from(), request.to(), request)
                .append(" GROUP BY 1, 2 ORDER BY 1, 2");
        return rows(tenant, sql).stream().map(r -> new SlaRow((String) r[0], (String) r[1],
                Compliance.of(number(r[2]), number(r[3])), Compliance.of(number(r[4]), number(r[5])))).toList();
    }

    /** Orders completed in the range per agent who completed them, most first. */
    public List<Agent> agents(UUID tenant, ReportRequest request) {
        var sql = new ReportSql().append("SELECT w.completed_by, max(w.completed_by_name), count(*) FROM work_order w"
                + " WHERE").inRange("w", "completed_at", request.from(), request.to(), request)
                .append(" GROUP BY 1 ORDER BY 3 DESC, 2, 1");
        return rows(tenant, sql).stream().map(r -> new Agent((String) r[0], (String) r[1], number(r[2]))).toList();
    }

    /** Satisfaction ratings given in the range, of the orders the filters select: count, mean and 1..5 counts. */
    public Csat csat(UUID tenant, ReportRequest request) {
        var sql = new ReportSql();
        sql.append("SELECT count(*), avg(r.score)::float8"
                + ", count(*) FILTER (WHERE r.score = 1), count(*) FILTER (WHERE r.score = 2)"
                + ", count(*) FILTER (WHERE r.score = 3), count(*) FILTER (WHERE r.score = 4)"
                + ", count(*) FILTER (WHERE r.score = 5) FROM satisfaction_rating r"
                + " JOIN work_order w ON w.tenant_id = r.tenant_id AND w.id = r.work_order_id"
                + " WHERE r.rated_at >= " + sql.at(request.from()) + " AND r.rated_at < " + sql.at(request.to()))
                .filtered("w", request);
        var row = (Object[]) query(tenant, sql).getSingleResult();
        return Csat.of(number(row[0]), decimal(row[1]),
                List.of(number(row[2]), number(row[3]), number(row[4]), number(row[5]), number(row[6])));
    }

    /**
     * Per assignee: orders to be done now by category, and visits overlapping [{@code dayStart}, {@code dayEnd}) of
     * their orders not closed (a cancelled visit is no visit); most loaded first.
     */
    public List<Summary.AgentLoad> workload(UUID tenant, ReportRequest request, Instant dayStart, Instant dayEnd) {
        var sql = new ReportSql();
        var visitToday = "w.scheduled_start < " + sql.at(dayEnd) + " AND w.scheduled_end > " + sql.at(dayStart)
                + " AND w.status_category <> 'closed'";
        sql.append("SELECT w.assignee_id, max(w.assignee_name), count(*) FILTER (WHERE w.status_category = 'new'),"
                + " count(*) FILTER (WHERE w.status_category = 'open'),"
                + " count(*) FILTER (WHERE w.status_category = 'pending'), count(*) FILTER (WHERE " + visitToday + ")"
                + " FROM work_order w WHERE w.assignee_id IS NOT NULL"
                + " AND (w.status_category IN ('new', 'open', 'pending') OR (" + visitToday + "))")
                .filtered("w", request)
                .append(" GROUP BY 1 ORDER BY count(*) FILTER (WHERE w.status_category IN ('new', 'open', 'pending'))"
                        + " DESC, 2, 1");
        return rows(tenant, sql).stream().map(r -> {
            var byCategory = new java.util.LinkedHashMap<String, Long>();
            byCategory.put("new", number(r[2]));
            byCategory.put("open", number(r[3]));
            byCategory.put("pending", number(r[4]));
            return new Summary.AgentLoad((String) r[0], (String) r[1], number(r[2]) + number(r[3]) + number(r[4]),
                    byCategory, number(r[5]));
        }).toList();
    }

    private static String aggregates(String column) {
        return "count(" + column + "), avg(" + column + "), percentile_cont(0.9) WITHIN GROUP (ORDER BY " + column
                + ")";
    }

    /** Met: reached by its due time and never marked breached; breached: marked, or reached late. */
    private static String compliance(String target) {
        var met = "s." + target + "_met_at";
        var due = "s." + target + "_due";
        var breached = "s." + target + "_breached_at";
        return "count(*) FILTER (WHERE " + met + " <= " + due + " AND " + breached + " IS NULL), "
                + "count(*) FILTER (WHERE " + breached + " IS NOT NULL OR " + met + " > " + due + ")";
    }

    private static Duration duration(Object[] row, int at) {
        return new Duration(number(row[at]), decimal(row[at + 1]), decimal(row[at + 2]));
    }

    private jakarta.persistence.Query query(UUID tenant, ReportSql sql) {
        var query = tenantEm.bind(tenant).createNativeQuery(sql.text());
        var parameters = sql.parameters();
        for (int i = 0; i < parameters.size(); i++) query.setParameter(i + 1, parameters.get(i));
        return query;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(UUID tenant, ReportSql sql) {
        return query(tenant, sql).getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
