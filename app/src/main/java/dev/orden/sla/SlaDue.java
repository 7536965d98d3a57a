package dev.orden.sla;

import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.workorder.SlaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A timer reached, in one transaction: a breach is marked on the clock only if it was not yet ({@code breached_at IS
 * NULL}), and only then are the history entry written and {@code sla.breached} fired, so a breach happens once
 * even if its job were run again. A warning fires {@code sla.warning}.
 */
@ApplicationScoped
class SlaDue {

    @Inject
    SlaClock clock;

    @Inject
    SlaEvents events;

    @Inject
    TenantEntityManager tenantEm;

    /** This server's name in {@code *_breached_on}: {@code orden.node}, else host and process id. */
    @Inject
    @ConfigProperty(name = "orden.node")
    Optional<String> node;

    private String node() {
        return node.orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
            } catch (UnknownHostException e) {
                return "pid " + ProcessHandle.current().pid();
            }
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reached(UUID orderId, SlaTarget target, SlaJobs.Stage stage, Instant due) {
        var state = clock.read(orderId);
        if (state.isEmpty() || !state.get().open(target) || state.get().pausedSince() != null
                || !due.equals(state.get().due(target))) {
            return;
        }
        var change = Json.createObjectBuilder().add("target", target.key()).add("dueAt", due.toString()).build();
        if (stage == SlaJobs.Stage.WARNING) {
            events.fire(orderId, SlaEvents.WARNING, change);
            return;
        }
        int marked = tenantEm.em().createNativeQuery("UPDATE work_order_sla SET " + target.column()
                        + "_breached_at = now(), " + target.column() + "_breached_on = ?2 WHERE work_order_id = ?1::uuid AND "
                        + target.column() + "_breached_at IS NULL")
                .setParameter(1, orderId.toString()).setParameter(2, node()).executeUpdate();
        if (marked == 1) events.fire(orderId, SlaEvents.BREACHED, change);
    }
}
