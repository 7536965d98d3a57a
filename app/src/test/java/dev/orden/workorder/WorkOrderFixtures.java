package dev.orden.workorder;

import jakarta.persistence.EntityManager;

/** Work orders written through JPA exactly as {@link WorkOrderService} writes them (order plus its CREATED entry). */
public final class WorkOrderFixtures {

    private WorkOrderFixtures() {}

    /** Persists a new order in the tenant {@code em} is bound to; EclipseLink fills {@code tenant_id}. */
    public static WorkOrder open(EntityManager em, long number, String title) {
        var actor = new Actor("arq-user", "Arquillian");
        var draft = new WorkOrderDraft(title, null, "incident", Priority.NORMAL, null, null, "{}");
        var opened = WorkOrder.open(number, draft, dev.orden.config.WorkOrderTypes.fallbackWorkflow().initialState(),
                actor, actor);
        em.persist(opened.order());
        em.persist(opened.created());
        em.flush();
        return opened.order();
    }
}
