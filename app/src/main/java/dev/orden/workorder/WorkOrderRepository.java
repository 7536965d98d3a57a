package dev.orden.workorder;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import dev.orden.config.workflow.StateCategory;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;

/** Work orders, their history and comments, always within the caller's tenant. */
@ApplicationScoped
public class WorkOrderRepository {

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    Event<WorkOrderChanged> changes;

    private EntityManager em() {
        return tenantEm.em();
    }

    /** The tenant's next order number; the counter row is created on first use and locked until commit. */
    long nextNumber() {
        var next = em().createNativeQuery("""
                        INSERT INTO work_order_counter (tenant_id, last_number)
                        VALUES (current_setting('app.tenant_id')::uuid, 1)
                        ON CONFLICT (tenant_id) DO UPDATE SET last_number = work_order_counter.last_number + 1
                        RETURNING last_number""")
                .getSingleResult();
        return ((Number) next).longValue();
    }

    void add(WorkOrder order) {
        em().persist(order);
    }

    void append(Collection<WorkOrderEvent> events) {
        var em = em();
        events.forEach(em::persist);
        announce(events);
    }

    /** Each order's new entries as one {@link WorkOrderChanged}, for observers of the commit (live tracking). */
    private void announce(Collection<WorkOrderEvent> events) {
        var tenantId = tenantEm.boundTenant().orElseThrow();
        var byOrder = new LinkedHashMap<UUID, List<WorkOrderEvent>>();
        events.forEach(e -> byOrder.computeIfAbsent(e.workOrderId(), id -> new ArrayList<>()).add(e));
        byOrder.forEach((id, entries) -> find(id).ifPresent(order ->
                changes.fire(new WorkOrderChanged(tenantId, order, entries))));
    }

    void add(Comment comment) {
        em().persist(comment);
    }

    /** Sends pending changes now, so that a stale version fails inside the service, not at commit. */
    void flush() {
        em().flush();
    }

    Optional<WorkOrder> find(UUID id) {
        return Optional.ofNullable(em().find(WorkOrder.class, id));
    }

    Optional<WorkOrder> findByNumber(long number) {
        return em().createQuery("SELECT w FROM WorkOrder w WHERE w.number = :number", WorkOrder.class)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    /** The {@code count} most recently created orders, newest first. */
    List<WorkOrder> latest(int count) {
        return em().createQuery("SELECT w FROM WorkOrder w ORDER BY w.createdAt DESC, w.number DESC", WorkOrder.class)
                .setMaxResults(count)
                .getResultList();
    }

    /** One page, plus one row more when there is a next page. */
    List<WorkOrder> search(WorkOrderQuery query) {
        var where = new Where(query);
        if (query.after() != null) where.keysetAfter(query.after());
        planForTheValues(query);
        TypedQuery<WorkOrder> jpql = em().createQuery("SELECT w FROM WorkOrder w" + where.clause()
                + orderBy(query.sort(), where), WorkOrder.class);
        where.parameters.forEach(jpql::setParameter);
        return jpql.setMaxResults(query.limit() + 1).getResultList();
    }

    /**
     * A text search or a custom-field filter is planned for its values, not reused from a generic plan: how many rows
     * a pattern or a value matches ranges from none to all, and the generic plan (chosen by PostgreSQL after five
     * executions of a prepared statement) walks the tenant's date index and filters every order where the trigram or
     * GIN index finds the few matches (145 ms against 0.3 ms at 200k orders, docs/performance.md). For this
     * transaction only.
     */
    private void planForTheValues(WorkOrderQuery query) {
        if (query.text() == null && query.customFields().isEmpty() && query.customFieldConditions().isEmpty()) return;
        em().createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
    }

    private static String orderBy(WorkOrderSort sort, Where where) {
        var direction = sort.ascending() ? " ASC" : " DESC";
        if (sort.field() != null) {
            return " ORDER BY " + where.sortKey().jpql() + direction + " NULLS LAST, w.number" + direction;
        }
        return sort.timeField() == null
                ? " ORDER BY w.number" + direction
                : " ORDER BY w." + sort.timeField() + direction + ", w.number" + direction;
    }

    /** Orders per state key and per category (every category listed, zero included). */
    record Counts(Map<String, Long> byStatus, Map<StateCategory, Long> byCategory) {}

    Counts count(WorkOrderQuery query) {
        var where = new Where(query);
        planForTheValues(query);
        var jpql = em().createQuery("SELECT w.status, w.statusCategory, COUNT(w) FROM WorkOrder w" + where.clause()
                + " GROUP BY w.status, w.statusCategory", Object[].class);
        where.parameters.forEach(jpql::setParameter);
        var byStatus = new TreeMap<String, Long>();
        var byCategory = new EnumMap<StateCategory, Long>(StateCategory.class);
        for (var category : StateCategory.values()) byCategory.put(category, 0L);
        for (Object[] row : jpql.getResultList()) {
            long n = ((Number) row[2]).longValue();
            byStatus.merge((String) row[0], n, Long::sum);
            byCategory.merge((StateCategory) row[1], n, Long::sum);
        }
        return new Counts(byStatus, byCategory);
    }

    List<WorkOrderEvent> history(UUID workOrderId, boolean includeInternal) {
        var query = em().createQuery("SELECT e FROM WorkOrderEvent e WHERE e.workOrderId = :id"
                + (includeInternal ? "" : " AND e.visibility = :public")
                + " ORDER BY e.occurredAt, e.id", WorkOrderEvent.class).setParameter("id", workOrderId);
        if (!includeInternal) query.setParameter("public", Visibility.PUBLIC);
        return query.getResultList();
    }

    List<Comment> comments(UUID workOrderId, boolean includeInternal) {
        var query = em().createQuery("SELECT c FROM Comment c WHERE c.workOrderId = :id"
                + (includeInternal ? "" : " AND c.visibility = :public")
                + " ORDER BY c.createdAt, c.id", Comment.class).setParameter("id", workOrderId);
        if (!includeInternal) query.setParameter("public", Visibility.PUBLIC);
        return query.getResultList();
    }

    /** The WHERE clause of a list request and its parameters. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new HashMap<>();
        private final WorkOrderQuery query;

        Where(WorkOrderQuery query) {
            this.query = query;
            if (query.statuses() != null && !query.statuses().isEmpty()) add("w.status IN :statuses", "statuses", List.copyOf(query.statuses()));
            if (query.categories() != null && !query.categories().isEmpty()) {
                add("w.statusCategory IN :categories", "categories", List.copyOf(query.categories()));
            }
            if (WorkOrderQuery.UNASSIGNED.equals(query.assignee())) conditions.add("w.assigneeId IS NULL");
            else if (query.assignee() != null) add("w.assigneeId = :assignee", "assignee", query.assignee());
            if (query.team() != null) add("w.team = :team", "team", query.team());
            if (query.teams() != null) {
                if (query.teams().isEmpty()) conditions.add("w.id IS NULL");
                else add("w.team IN :teams", "teams", List.copyOf(query.teams()));
            }
            if (query.slaDueBy() != null) {
                // A clock not met that is breached, or running (not paused) and due by then; RLS keeps it the tenant's.
                add("SQL('EXISTS (SELECT 1 FROM work_order_sla s WHERE s.work_order_id = ?"
                        + " AND ((s.first_response_met_at IS NULL AND (s.first_response_breached_at IS NOT NULL"
                        + " OR (s.paused_since IS NULL AND s.first_response_due <= CAST(? AS timestamptz))))"
                        + " OR (s.resolution_met_at IS NULL AND (s.resolution_breached_at IS NOT NULL"
                        + " OR (s.paused_since IS NULL AND s.resolution_due <= CAST(? AS timestamptz))))))',"
                        + " w.id, :slaDueBy, :slaDueBy)", "slaDueBy", query.slaDueBy().toString());
            }
            if (query.type() != null) add("w.type = :type", "type", query.type());
            if (query.area() != null) add("w.area = :area", "area", query.area());
            if (query.requester() != null) add("w.requesterId = :requester", "requester", query.requester());
            if (query.priority() != null) add("w.priority = :priority", "priority", query.priority());
            if (query.scheduledFrom() != null) add("w.scheduledEnd > :visitFrom", "visitFrom", query.scheduledFrom());
            if (query.scheduledTo() != null) add("w.scheduledStart < :visitTo", "visitTo", query.scheduledTo());
            int n = 0;
            for (var filter : query.customFields().entrySet()) {
                var key = "cf" + n++;
                // Both readings of the value (JSON literal and string) so that 12 matches 12 and "12"; @> uses the GIN index.
                conditions.add("SQL('(? @> CAST(? AS jsonb) OR ? @> CAST(? AS jsonb))', w.customFields, :" + key
                        + "s, w.customFields, :" + key + "l)");
                parameters.put(key + "s", CustomFieldFilter.asString(filter.getKey(), filter.getValue()));
                parameters.put(key + "l", CustomFieldFilter.asLiteral(filter.getKey(), filter.getValue()));
            }
            customFieldConditions(query.customFieldConditions());
            if (query.text() != null) {
                add("(LOWER(w.title) LIKE :text ESCAPE '\\' OR LOWER(w.description) LIKE :text ESCAPE '\\')",
                        "text", "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%");
            }
        }

        void keysetAfter(Cursor cursor) {
            var sort = query.sort();
            var op = sort.ascending() ? ">" : "<";
            parameters.put("afterNumber", cursor.number());
            if (sort.field() != null) {
                keysetAfterValue(sort.field().kind(), op, cursor.value());
            } else if (sort.timeField() == null) {
                conditions.add("w.number " + op + " :afterNumber");
            } else {
                var field = "w." + sort.timeField();
                conditions.add("(" + field + " " + op + " :afterAt OR (" + field + " = :afterAt AND w.number " + op
                        + " :afterNumber))");
                parameters.put("afterAt", cursor.at());
            }
        }

        /**
         * After the cursor's row in "key, then number", rows without a key last. When the cursor's row had no key:
         * rows without one and a greater number; else a greater key, the same key and a greater number, or no key
         * (the comparisons are NULL then). The CASE on the cursor's key, computed once, keeps the row's key to one
         * or two evaluations: it is the costly part (docs/benchmarks.md).
         */
        private void keysetAfterValue(CustomFieldKind kind, String op, JsonValue value) {
            parameters.put("afterValue", value.toString());
            var after = SqlFragment.of("(? " + op + " ?)", "w.number", ":afterNumber");
            var condition = SqlFragment.of("(CASE WHEN {c} IS NULL THEN {k} IS NULL AND {n}"
                            + " ELSE COALESCE({k} " + op + " {c} OR ({k} = {c} AND {n}), true) END)")
                    .with("{k}", sortKey())
                    .with("{c}", bound(kind, ":afterValue"))
                    .with("{n}", after);
            conditions.add(condition.jpql());
        }

        /** The sort key of the field the list is sorted by. */
        SqlFragment sortKey() {
            var field = query.sort().field();
            parameters.put("sortField", field.key());
            return field.kind().sortKey(fieldValue(":sortField"));
        }

        /** The custom field named by a parameter, as jsonb. */
        private static SqlFragment fieldValue(String keyParameter) {
            return SqlFragment.of("(? -> CAST(? AS text))", "w.customFields", keyParameter);
        }

        /**
         * A bound's sort key, by the same SQL as the rows' keys; a sub-select, so that it is computed once per query
         * rather than once per row.
         */
        private static SqlFragment bound(CustomFieldKind kind, String jsonParameter) {
            return SqlFragment.of("(SELECT {b})").with("{b}", kind.sortKey(SqlFragment.of("CAST(? AS jsonb)", jsonParameter)));
        }

        private void customFieldConditions(List<CustomFieldCondition> customConditions) {
            int n = 0;
            for (var condition : customConditions) {
                var key = "cfc" + n++;
                parameters.put(key + "k", condition.key());
                var value = fieldValue(":" + key + "k");
                if (condition.operator() == CustomFieldCondition.Operator.EMPTY) {
                    var empty = SqlFragment.of(condition.bound() == JsonValue.TRUE ? "{e}" : "NOT {e}")
                            .with("{e}", SqlFragment.of(CustomFieldKind.EMPTY).with(CustomFieldKind.VALUE, value));
                    conditions.add(empty.jpql());
                } else {
                    parameters.put(key + "b", condition.bound().toString());
                    var range = SqlFragment.of("{k} " + condition.operator().sql() + " {b}")
                            .with("{k}", condition.kind().sortKey(value))
                            .with("{b}", bound(condition.kind(), ":" + key + "b"));
                    conditions.add(range.jpql());
                }
            }
        }

        private void add(String condition, String name, Object value) {
            conditions.add(condition);
            parameters.put(name, value);
        }

        String clause() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
