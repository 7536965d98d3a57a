package dev.orden.sla;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.workflow.StateCategory;
import dev.orden.schedule.Jobs;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.workorder.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An order's SLA clocks ({@code work_order_sla}): started when it is created, met, paused and resumed as it
 * changes, and their warning and breach jobs scheduled. Called by the work-order service inside the change's
 * transaction, after the order is flushed.
 *
 * <p>First response is met by the first public comment of staff or by the first move out of the {@code new}
 * category, whichever comes first: either shows the requester someone took the order up. Resolution is met by
 * reaching a {@code resolved} or {@code closed} state (reopening does not restart it).
 */
@ApplicationScoped
public class SlaClock {

    static final double WARNING_SHARE = 0.8;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    ActiveConfiguration configuration;

    @Inject
    Jobs jobs;

    /** Starts the order's clocks when its type and priority have targets. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void started(WorkOrder order) {
        var bundle = configuration.current().map(ActiveConfiguration.Active::bundle);
        if (bundle.isEmpty()) return;
        var targets = SlaTargets.of(bundle.get(), order.type(), order.priority().name());
        if (!targets.any()) return;
        var start = order.createdAt();
        var firstDue = targets.firstResponse().map(d -> targets.calendar().plus(start, d)).orElse(null);
        var resolutionDue = targets.resolution().map(d -> targets.calendar().plus(start, d)).orElse(null);
        tenantEm.em().createNativeQuery("""
                INSERT INTO work_order_sla (tenant_id, work_order_id, calendar, first_response_due, resolution_due)
                VALUES (current_setting('app.tenant_id')::uuid, ?1::uuid, ?2, ?3, ?4)""")
                .setParameter(1, order.id().toString()).setParameter(2, targets.calendarKey())
                .setParameter(3, timestamp(firstDue)).setParameter(4, timestamp(resolutionDue)).executeUpdate();
        schedule(order.id(), SlaTarget.FIRST_RESPONSE, targets, start, firstDue, targets.firstResponse());
        schedule(order.id(), SlaTarget.RESOLUTION, targets, start, resolutionDue, targets.resolution());
        observe(order);
    }

    /** After a change of state: met, paused or resumed as the order's category says. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void observe(WorkOrder order) {
        var state = read(order.id());
        if (state.isEmpty()) return;
        var sla = state.get();
        var now = Instant.now();
        var category = order.statusCategory();
        if (category != StateCategory.NEW) meet(order.id(), "first_response", now);
        if (category == StateCategory.RESOLVED || category == StateCategory.CLOSED) meet(order.id(), "resolution", now);
        if (category == StateCategory.PENDING && sla.pausedSince() == null && sla.running()) {
            update(order.id(), "paused_since = ?2", now);
        } else if (category != StateCategory.PENDING && sla.pausedSince() != null) {
            resume(order, sla, now);
        }
    }

    /** A comment: a public one by staff is the first response. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void commented(WorkOrder order, boolean publicByStaff) {
        if (publicByStaff) meet(order.id(), "first_response", Instant.now());
    }

    /** The order's clocks as the API shows them; empty when it has none. */
    @Transactional
    public Optional<SlaState> state(UUID orderId) {
        return read(orderId);
    }

    /** Resuming: each due time that was still running moves later by the business time the pause held. */
    private void resume(WorkOrder order, SlaState sla, Instant now) {
        var calendar = calendarOf(order, sla);
        var paused = calendar.between(sla.pausedSince(), now);
        var firstDue = sla.firstResponseOpen() ? calendar.plus(sla.firstResponseDue(), paused) : sla.firstResponseDue();
        var resolutionDue = sla.resolutionOpen() ? calendar.plus(sla.resolutionDue(), paused) : sla.resolutionDue();
        tenantEm.em().createNativeQuery("""
                UPDATE work_order_sla SET paused_since = NULL, first_response_due = ?2, resolution_due = ?3
                 WHERE work_order_id = ?1::uuid""")
                .setParameter(1, order.id().toString()).setParameter(2, timestamp(firstDue))
                .setParameter(3, timestamp(resolutionDue)).executeUpdate();
        var targets = SlaTargets.of(configuration.current().orElseThrow().bundle(), order.type(), order.priority().name());
        if (sla.firstResponseOpen()) {
            schedule(order.id(), SlaTarget.FIRST_RESPONSE, targets, now, firstDue, Optional.empty());
        }
        if (sla.resolutionOpen()) schedule(order.id(), SlaTarget.RESOLUTION, targets, now, resolutionDue, Optional.empty());
    }

    private BusinessCalendar calendarOf(WorkOrder order, SlaState sla) {
        return configuration.current()
                .map(active -> SlaTargets.of(active.bundle(), order.type(), order.priority().name()).calendar())
                .orElse(BusinessCalendar.always(java.time.ZoneOffset.UTC));
    }

    /**
     * The breach job at the due time, and the warning job at {@code WARNING_SHARE} of the target when the target is
     * known (a resumed clock gets only its breach job re-timed: its warning, if still ahead, is dropped by spec).
     */
    private void schedule(UUID orderId, SlaTarget target, SlaTargets targets, Instant from, Instant due,
                          Optional<Duration> length) {
        if (due == null) return;
        jobs.schedule(SlaJobs.KIND, SlaJobs.key(orderId, target, SlaJobs.Stage.BREACH), due.toString(),
                SlaJobs.payload(orderId, target, SlaJobs.Stage.BREACH, due), due);
        length.ifPresent(d -> {
            var warnAt = targets.calendar().plus(from, Duration.ofMillis((long) (d.toMillis() * WARNING_SHARE)));
            jobs.schedule(SlaJobs.KIND, SlaJobs.key(orderId, target, SlaJobs.Stage.WARNING), due.toString(),
                    SlaJobs.payload(orderId, target, SlaJobs.Stage.WARNING, due), warnAt);
        });
    }

    private void meet(UUID orderId, String target, Instant now) {
        tenantEm.em().createNativeQuery("UPDATE work_order_sla SET " + target + "_met_at = ?2 WHERE work_order_id = ?1::uuid AND "
                + target + "_due IS NOT NULL AND " + target + "_met_at IS NULL")
                .setParameter(1, orderId.toString()).setParameter(2, Timestamp.from(now)).executeUpdate();
    }

    private void update(UUID orderId, String set, Instant value) {
        tenantEm.em().createNativeQuery("UPDATE work_order_sla SET " + set + " WHERE work_order_id = ?1::uuid")
                .setParameter(1, orderId.toString()).setParameter(2, Timestamp.from(value)).executeUpdate();
    }

    Optional<SlaState> read(UUID orderId) {
        List<?> rows = tenantEm.em().createNativeQuery("""
                SELECT calendar, first_response_due, first_response_met_at, first_response_breached_at,
                       resolution_due, resolution_met_at, resolution_breached_at, paused_since
                  FROM work_order_sla WHERE work_order_id = ?1::uuid""")
                .setParameter(1, orderId.toString()).getResultList();
        return rows.stream().findFirst().map(row -> SlaState.of((Object[]) row));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static JsonObject json(SlaState state) {
        return state.json();
    }
}
