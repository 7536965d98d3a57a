package dev.orden.audit;

import dev.orden.porting.DataPorted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Bulk data leaving or entering a tenant (exports, imports) in its audit log: {@code data.export}, {@code data.import…}. */
@ApplicationScoped
public class PortingAudit {

    @Inject
    AuditEvents audit;

    void ported(@Observes DataPorted event) {
        var what = event.action().equals("import.members") ? " people" : " orders";
        audit.record(AuditEvent.of("data." + event.action(), "tenant", event.tenantId().toString(), null,
                        event.action() + " of " + event.count() + what)
                .by(new AuditEvent.Actor(event.actorId(), event.actorName())));
    }
}
