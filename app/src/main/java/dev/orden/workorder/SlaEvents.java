package dev.orden.workorder;

import dev.orden.notification.NotificationOutbox;
import dev.orden.schedule.SchedulerActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.UUID;

/**
 * What the SLA clocks ({@code dev.orden.sla}) do to an order when a target is near or missed: the flow rules of the
 * event run on it through the same path as a live change's ({@link WorkOrderRules}), and a breach is written into
 * its history, by the scheduler.
 */
@ApplicationScoped
public class SlaEvents {

    public static final String BREACHED = "sla.breached";
    public static final String WARNING = "sla.warning";

    @Inject
    WorkOrderRepository repository;

    @Inject
    WorkOrderRules rules;

    @Inject
    WorkOrderLifecycle lifecycle;

    @Inject
    NotificationOutbox notifications;

    /** Fires {@code event} on the order with {@code change} ({@code {target, dueAt}}); a breach is also history. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fire(UUID orderId, String event, JsonObject change) {
        var order = repository.find(orderId);
        if (order.isEmpty()) return;
        var events = new ArrayList<WorkOrderEvent>();
        if (event.equals(BREACHED)) {
            events.add(WorkOrderEvent.change(orderId, Actor.of(SchedulerActor.USER), EventKind.SLA_BREACHED, "sla."
                    + change.getString("target"), null, change.getString("dueAt"), null));
        }
        if (event.equals(WARNING)) {
            notifications.announce(order.get(), "sla_warning", NotificationOutbox.Happening.by(SchedulerActor.USER.id(),
                    SchedulerActor.USER.name()));
        }
        events.addAll(rules.fire(rules.prepare(), event, order.get(), change, SchedulerActor.USER));
        events.forEach(e -> e.recordedUnder(lifecycle.activeVersion()));
        repository.append(events);
        repository.flush();
    }
}
