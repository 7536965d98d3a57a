package dev.orden.live;

import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.workorder.WorkOrder;
import dev.orden.workorder.WorkOrderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Loads what a notice names under its tenant's binding (JPA filter and row-level security): the order as it is now
 * and the change's entries, only those of that order. Nothing, when the order is not the tenant's.
 */
@ApplicationScoped
public class ChangeLoader {

    @Inject
    TenantEntityManager tenantEm;

    @Transactional
    Optional<Change> load(Notice notice) {
        var em = tenantEm.bind(notice.tenantId());
        var order = em.find(WorkOrder.class, notice.orderId());
        if (order == null) return Optional.empty();
        List<WorkOrderEvent> entries = notice.entries().isEmpty() ? List.of() : em.createQuery("""
                        SELECT e FROM WorkOrderEvent e WHERE e.workOrderId = :order AND e.id IN :ids
                        ORDER BY e.occurredAt, e.id""", WorkOrderEvent.class)
                .setParameter("order", order.id())
                .setParameter("ids", notice.entries())
                .getResultList();
        return Optional.of(Change.of(notice, order, entries));
    }
}
