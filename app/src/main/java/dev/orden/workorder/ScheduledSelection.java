package dev.orden.workorder;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The orders a scheduled rule's {@code select} chooses, by ascending number, a page at a time. */
@ApplicationScoped
class ScheduledSelection {

    /** An order chosen: its id, its place in the tenant's sequence, and its name ({@code INC-12}). */
    record Selected(UUID id, long number, String displayNumber) {}

    @Inject
    TenantEntityManager tenantEm;

    /** Up to {@code limit} selected orders numbered after {@code afterNumber}. */
    @Transactional
    List<Selected> next(ScheduledRun run, long afterNumber, int limit) {
        var select = run.definition().select();
        var types = select.typesOr(run.definition().types());
        var jpql = new StringBuilder("SELECT w.id, w.number, w.numberPrefix FROM WorkOrder w"
                + " WHERE w.statusCategory IN :categories AND w.number > :after");
        if (!types.isEmpty()) jpql.append(" AND w.type IN :types");
        if (select.olderThanHours() != null) jpql.append(" AND w.createdAt <= :cutoff");
        var query = tenantEm.em().createQuery(jpql.append(" ORDER BY w.number").toString(), Object[].class)
                .setParameter("categories", List.copyOf(select.categories()))
                .setParameter("after", afterNumber);
        if (!types.isEmpty()) query.setParameter("types", List.copyOf(types));
        if (select.olderThanHours() != null) {
            query.setParameter("cutoff", run.scheduledFor().minus(Duration.ofHours(select.olderThanHours())));
        }
        return query.setMaxResults(limit).getResultList().stream()
                .map(row -> new Selected((UUID) row[0], ((Number) row[1]).longValue(), row[2] + "-" + row[1])).toList();
    }
}
