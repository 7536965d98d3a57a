package dev.orden.assignment;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The open orders each agent holds (state category new, open or pending), counted by priority, in one query. It
 * does not flush: an order changed earlier in the same transaction is counted as it was, which keeps the order
 * from being written twice.
 */
@ApplicationScoped
class Workloads {

    @Inject
    TenantEntityManager tenantEm;

    /** By agent id, then priority; agents holding nothing are absent. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Integer>> openByPriority(Collection<String> agentIds) {
        var load = new HashMap<String, Map<String, Integer>>();
        if (agentIds.isEmpty()) return load;
        var ids = List.copyOf(agentIds);
        var placeholders = IntStream.rangeClosed(1, ids.size()).mapToObj(i -> "?" + i).collect(Collectors.joining(", "));
        var query = tenantEm.em().createNativeQuery("SELECT assignee_id, priority, count(*) FROM work_order"
                + " WHERE assignee_id IN (" + placeholders + ") AND status_category IN ('new', 'open', 'pending')"
                + " GROUP BY assignee_id, priority").setFlushMode(FlushModeType.COMMIT);
        for (int i = 0; i < ids.size(); i++) query.setParameter(i + 1, ids.get(i));
        for (var row : (List<Object[]>) query.getResultList()) {
            load.computeIfAbsent(row[0].toString(), k -> new HashMap<>())
                    .put(row[1].toString(), ((Number) row[2]).intValue());
        }
        return load;
    }
}
