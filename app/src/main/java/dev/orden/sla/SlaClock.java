package dev.orden.sla;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.workflow.StateCategory;
import dev.orden.schedule.Jobs;
import dev.orden.shared.persistence.PgArrays;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.tenant.TenantContext;
import dev.orden.workorder.EventKind;
import dev.orden.workorder.OrderClocks;
import dev.orden.workorder.Visibility;
import dev.orden.workorder.WorkOrder;
import dev.orden.workorder.WorkOrderChanged;
import dev.orden.workorder.WorkOrderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An order's SLA clocks ({@code work_order_sla}): started when it is created, met, paused, resumed, re-timed and
 * restarted as it changes, and their warning and breach jobs scheduled. It follows every change of an order through
 * {@link WorkOrderChanged}, in the change's transaction, whoever made it (a person, a flow rule, a strategy, the
 * scheduler).
 *
 * <p>First response is met by the first public comment of staff or by the first move out of the {@code new}
 * category, whichever comes first: either shows the requester someone took the order up. Resolution is met by
 * reaching a {@code resolved} or {@code closed} state.
 *
 * <p>Policies: a change of <b>priority or type</b> re-times each clock not yet met to the targets of the new
 * priority and type: the business time already used counts against the new target (a target shortened below it is
 * due at once), a target the order no longer has is dropped, a new one starts from the order's creation; met
 * clocks keep their due time, and a breach already recorded stays recorded. <b>Reopening</b> (a resolved or closed
 * order back in an active category) restarts the resolution clock with its whole target from the reopening, as a
 * new promise: its met and breach marks are cleared (the earlier breach stays in the history), so it can breach
 * again; first response is not restarted. <b>Resuming</b> after a pause moves each running due time later by the
 * business time the pause held and re-creates its warning when the warning point is still ahead.
 */
@ApplicationScoped
public class SlaClock implements OrderClocks {

    static final String COLUMNS = """
            calendar, first_response_due, first_response_met_at, first_response_breached_at,
            resolution_due, resolution_met_at, resolution_breached_at, paused_since""";

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    ActiveConfiguration configuration;

    @Inject
    Jobs jobs;

    @Inject
    TenantContext context;

    /** Every change of an order: what it means for the order's clocks. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onChange(@Observes WorkOrderChanged change) {
        var order = change.order();
        if (order == null) return;
        var entries = change.entries();
        if (entries.stream().anyMatch(e -> e.kind() == EventKind.CREATED)) {
            started(order);
            return;
        }
        var retimed = entries.stream().filter(e -> e.kind() == EventKind.UPDATED
                && ("priority".equals(e.field()) || "type".equals(e.field())))
                .collect(Collectors.toMap(WorkOrderEvent::field, WorkOrderEvent::oldValue, (a, b) -> a));
        if (!retimed.isEmpty()) retarget(order, retimed);
        if (entries.stream().anyMatch(e -> e.kind() == EventKind.STATUS_CHANGED)) observe(order);
        if (entries.stream().anyMatch(this::publicByCallingStaff)) meet(order.id(), SlaTarget.FIRST_RESPONSE, Instant.now());
    }

    /**
     * The clocks of an order stored by a bulk import ({@code dev.orden.porting}), which writes orders without
     * {@link WorkOrderChanged}: started as a created order's, then met or paused as its state says.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startImported(WorkOrder order) {
        started(order);
    }

    /** Starts the order's clocks when its type and priority have targets. */
    private void started(WorkOrder order) {
        var targets = targets(order.type(), order.priority().name());
        if (targets.isEmpty() || !targets.get().any()) return;
        var t = targets.get();
        var start = order.createdAt();
        var firstDue = t.firstResponse().map(d -> t.calendar().plus(start, d)).orElse(null);
        var resolutionDue = t.resolution().map(d -> t.calendar().plus(start, d)).orElse(null);
        tenantEm.em().flush(); // the clock's row refers to the order's
        tenantEm.em().createNativeQuery("""
                INSERT INTO work_order_sla (tenant_id, work_order_id, calendar, first_response_due, resolution_due)
                VALUES (current_setting('app.tenant_id')::uuid, ?1::uuid, ?2, ?3, ?4)""")
                .setParameter(1, order.id().toString()).setParameter(2, t.calendarKey())
                .setParameter(3, timestamp(firstDue)).setParameter(4, timestamp(resolutionDue)).executeUpdate();
        t.firstResponse().ifPresent(d -> schedule(order.id(), SlaTarget.FIRST_RESPONSE, t.calendar(), start, firstDue, d, d));
        t.resolution().ifPresent(d -> schedule(order.id(), SlaTarget.RESOLUTION, t.calendar(), start, resolutionDue, d, d));
        observe(order);
    }

    /** After a change of state: met, restarted, paused or resumed as the order's category says. */
    private void observe(WorkOrder order) {
        var state = read(order.id());
        if (state.isEmpty()) return;
        var now = Instant.now();
        var category = order.statusCategory();
        if (category.isActive() && state.get().resolutionMetAt() != null) state = reopened(order, now);
        if (category != StateCategory.NEW) meet(order.id(), SlaTarget.FIRST_RESPONSE, now);
        if (category == StateCategory.RESOLVED || category == StateCategory.CLOSED) meet(order.id(), SlaTarget.RESOLUTION, now);
        var sla = read(order.id()).orElseThrow();
        if (category == StateCategory.PENDING && sla.pausedSince() == null && sla.running()) {
            tenantEm.em().createNativeQuery("UPDATE work_order_sla SET paused_since = ?2 WHERE work_order_id = ?1::uuid")
                    .setParameter(1, order.id().toString()).setParameter(2, Timestamp.from(now)).executeUpdate();
        } else if (category != StateCategory.PENDING && sla.pausedSince() != null) {
            resume(order, sla, now);
        }
    }

    /** Reopening: the resolution clock starts again with its whole target (see the class comment). */
    private Optional<SlaState> reopened(WorkOrder order, Instant now) {
        var length = targets(order.type(), order.priority().name()).flatMap(t -> t.resolution().map(d -> Map.entry(t, d)));
        if (length.isEmpty()) return read(order.id());
        var calendar = length.get().getKey().calendar();
        var due = calendar.plus(now, length.get().getValue());
        tenantEm.em().createNativeQuery("""
                UPDATE work_order_sla SET resolution_due = ?2, resolution_met_at = NULL, resolution_breached_at = NULL
                 WHERE work_order_id = ?1::uuid""")
                .setParameter(1, order.id().toString()).setParameter(2, timestamp(due)).executeUpdate();
        schedule(order.id(), SlaTarget.RESOLUTION, calendar, now, due, length.get().getValue(), length.get().getValue());
        return read(order.id());
    }

    /** Resuming: each due time that was still running moves later by the business time the pause held. */
    private void resume(WorkOrder order, SlaState sla, Instant now) {
        var targets = targets(order.type(), order.priority().name());
        var calendar = targets.map(SlaTargets::calendar).orElse(BusinessCalendar.always(ZoneOffset.UTC));
        var paused = calendar.between(sla.pausedSince(), now);
        var firstDue = sla.firstResponseOpen() ? calendar.plus(sla.firstResponseDue(), paused) : sla.firstResponseDue();
        var resolutionDue = sla.resolutionOpen() ? calendar.plus(sla.resolutionDue(), paused) : sla.resolutionDue();
        tenantEm.em().createNativeQuery("""
                UPDATE work_order_sla SET paused_since = NULL, first_response_due = ?2, resolution_due = ?3
                 WHERE work_order_id = ?1::uuid""")
                .setParameter(1, order.id().toString()).setParameter(2, timestamp(firstDue))
                .setParameter(3, timestamp(resolutionDue)).executeUpdate();
        for (var target : SlaTarget.values()) {
            if (!sla.open(target)) continue;
            var due = target == SlaTarget.FIRST_RESPONSE ? firstDue : resolutionDue;
            var left = SlaTiming.left(calendar, sla.pausedSince(), sla.due(target));
            var length = targets.flatMap(t -> t.of(target)).orElse(Duration.ZERO);
            schedule(order.id(), target, calendar, now, due, left, length);
        }
    }

    /** A priority or type change: each clock not yet met follows the targets of the order as it is now. */
    private void retarget(WorkOrder order, Map<String, String> before) {
        var sla = read(order.id());
        var now = targets(order.type(), order.priority().name());
        if (sla.isEmpty()) {
            if (now.isPresent() && now.get().any()) started(order);
            return;
        }
        var was = targets(before.getOrDefault("type", order.type()), before.getOrDefault("priority", order.priority().name()));
        if (now.isEmpty() || was.isEmpty()) return;
        var at = sla.get().pausedSince() != null ? sla.get().pausedSince() : Instant.now();
        var dues = new HashMap<SlaTarget, Instant>();
        for (var target : SlaTarget.values()) {
            dues.put(target, sla.get().due(target));
            if (sla.get().met(target)) continue;
            var length = now.get().of(target);
            var due = length.map(d -> retimed(order, sla.get(), target, was.get(), now.get(), at, d)).orElse(null);
            dues.put(target, due);
            if (due != null) {
                schedule(order.id(), target, now.get().calendar(), at, due,
                        SlaTiming.left(now.get().calendar(), at, due), length.get());
            }
        }
        tenantEm.em().createNativeQuery("""
                UPDATE work_order_sla SET calendar = ?2, first_response_due = ?3, resolution_due = ?4
                 WHERE work_order_id = ?1::uuid""")
                .setParameter(1, order.id().toString()).setParameter(2, now.get().calendarKey())
                .setParameter(3, timestamp(dues.get(SlaTarget.FIRST_RESPONSE)))
                .setParameter(4, timestamp(dues.get(SlaTarget.RESOLUTION))).executeUpdate();
    }

    private static Instant retimed(WorkOrder order, SlaState sla, SlaTarget target, SlaTargets was, SlaTargets now,
                                   Instant at, Duration length) {
        var due = sla.due(target);
        var before = was.of(target);
        if (due == null || before.isEmpty()) return now.calendar().plus(order.createdAt(), length);
        return SlaTiming.retargeted(was.calendar(), now.calendar(), at, due, before.get(), length);
    }

    /** A comment of the caller's, public, by staff: the first response (a rule's or the requester's is not). */
    private boolean publicByCallingStaff(WorkOrderEvent entry) {
        if (entry.kind() != EventKind.COMMENTED || entry.visibility() != Visibility.PUBLIC) return false;
        var user = context.user();
        return user != null && user.isStaff() && user.id().equals(entry.actorId());
    }

    @Override
    @Transactional
    public Optional<JsonObject> of(UUID orderId) {
        return read(orderId).map(SlaState::json);
    }

    /** One query for the whole page. */
    @Override
    @Transactional
    public Map<UUID, JsonObject> of(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) return Map.of();
        List<?> rows = tenantEm.em().createNativeQuery("SELECT work_order_id::text, " + COLUMNS
                        + " FROM work_order_sla WHERE work_order_id = ANY (CAST(?1 AS uuid[]))")
                .setParameter(1, PgArrays.uuids(orderIds))
                .getResultList();
        return PgArrays.byFirstColumn(rows,
                columns -> SlaState.of(java.util.Arrays.copyOfRange(columns, 1, columns.length)).json());
    }

    /**
     * The breach job at the due time, and the warning job once {@code WARNING_SHARE} of the target is used, when
     * that point is still ahead ({@code left}: the business time to go from {@code from}).
     */
    private void schedule(UUID orderId, SlaTarget target, BusinessCalendar calendar, Instant from, Instant due,
                          Duration left, Duration length) {
        jobs.schedule(SlaJobs.KIND, SlaJobs.key(orderId, target, SlaJobs.Stage.BREACH), due.toString(),
                SlaJobs.payload(orderId, target, SlaJobs.Stage.BREACH, due), due);
        SlaTiming.warning(calendar, from, left, length).ifPresent(warnAt ->
                jobs.schedule(SlaJobs.KIND, SlaJobs.key(orderId, target, SlaJobs.Stage.WARNING), due.toString(),
                        SlaJobs.payload(orderId, target, SlaJobs.Stage.WARNING, due), warnAt));
    }

    private void meet(UUID orderId, SlaTarget target, Instant now) {
        var column = target.column();
        tenantEm.em().createNativeQuery("UPDATE work_order_sla SET " + column + "_met_at = ?2 WHERE work_order_id = ?1::uuid AND "
                        + column + "_due IS NOT NULL AND " + column + "_met_at IS NULL")
                .setParameter(1, orderId.toString()).setParameter(2, Timestamp.from(now)).executeUpdate();
    }

    private Optional<SlaTargets> targets(String type, String priority) {
        return configuration.current().map(active -> SlaTargets.of(active.bundle(), type, priority));
    }

    Optional<SlaState> read(UUID orderId) {
        List<?> rows = tenantEm.em().createNativeQuery("SELECT " + COLUMNS + " FROM work_order_sla WHERE work_order_id = ?1::uuid")
                .setParameter(1, orderId.toString()).getResultList();
        return rows.stream().findFirst().map(row -> SlaState.of((Object[]) row));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
