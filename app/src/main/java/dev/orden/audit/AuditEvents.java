package dev.orden.audit;

import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * How any feature writes to the tenant's audit log: {@code auditEvents.record(AuditEvent.of(...).change(before,
 * after))}, or fire an {@link AuditEvent} as a CDI event ({@code Event<AuditEvent>}), observed here synchronously.
 * Either way the entry joins the caller's transaction (so it exists exactly when the change commits) and goes to
 * the tenant that transaction is bound to, else the caller's; the actor is the calling user, or "system" outside a
 * request, unless the event names one.
 */
@ApplicationScoped
public class AuditEvents {

    @Inject
    AuditLog log;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    TenantContext context;

    @Transactional
    public void record(AuditEvent event) {
        var actor = event.actor() != null ? event.actor() : caller();
        var tenantId = tenantEm.boundTenant().orElseGet(context::tenantId);
        log.append(tenantId, event.by(actor));
    }

    @Transactional
    void observe(@Observes AuditEvent event) {
        record(event);
    }

    private AuditEvent.Actor caller() {
        try {
            var user = context.user();
            return new AuditEvent.Actor(user.id(), user.displayName());
        } catch (ContextNotActiveException | dev.orden.shared.problem.ProblemException e) {
            return AuditEvent.Actor.SYSTEM;
        }
    }
}
