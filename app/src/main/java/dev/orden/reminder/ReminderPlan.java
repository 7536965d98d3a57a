package dev.orden.reminder;

import dev.orden.workorder.EventKind;
import dev.orden.workorder.WorkOrderEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which automatic reminders an order should have pending after a change, decided from its state alone: the timers
 * to (re)schedule and the other pending keys to keep; every other automatic reminder of the order is dropped. Only
 * times still ahead are planned: a due time set in the past sends nothing. Pure, so the decisions are unit-tested.
 */
record ReminderPlan(boolean active, List<Timer> timers, Set<String> keep) {

    /** The order as the plan needs it; {@code unstarted} as {@link Unstarted} says. */
    record Order(UUID id, String assigneeId, boolean active, boolean unstarted, Instant dueAt, Instant createdAt) {}

    /** One reminder to have pending: its job key, when it fires, and (for an assignment) whose it is. */
    record Timer(ReminderKind kind, String key, Instant at, String assigneeId, Instant dueAt) {

        /** What the job's due time derives from: a change of it restarts the job, anything else keeps it. */
        String spec() {
            return at + (assigneeId == null ? "" : " " + assigneeId);
        }
    }

    static String prefix(UUID orderId) {
        return orderId + "/";
    }

    /** The automatic reminders' keys; a rule's reminders are under {@link #ruleKey}. */
    static String autoPrefix(UUID orderId) {
        return prefix(orderId) + "auto/";
    }

    static String key(UUID orderId, ReminderKind kind) {
        return autoPrefix(orderId) + kind.key();
    }

    static String dueSoonKey(UUID orderId, Duration before) {
        return key(orderId, ReminderKind.DUE_SOON) + "/" + before.toMinutes();
    }

    static String ruleKey(UUID orderId, Instant at, String to) {
        return prefix(orderId) + ReminderKind.RULE.key() + "/" + at + "/" + to;
    }

    /** Whether a change can alter an order's reminders: created, (un)assigned, moved, or its due time changed. */
    static boolean relevant(List<WorkOrderEvent> entries) {
        return entries.stream().anyMatch(e -> switch (e.kind()) {
            case CREATED, ASSIGNED, STATUS_CHANGED -> true;
            case UPDATED -> "dueAt".equals(e.field());
            default -> false;
        });
    }

    /** When this change gave the order an assignee, if it did. */
    static Optional<Instant> assignedAt(List<WorkOrderEvent> entries) {
        return entries.stream().filter(e -> e.kind() == EventKind.ASSIGNED && "assignee".equals(e.field())
                && e.newValue() != null).map(WorkOrderEvent::occurredAt).reduce((a, b) -> b);
    }

    static ReminderPlan of(Order order, Optional<Instant> assignedNow, ReminderSettings settings, Instant now) {
        if (!order.active()) return new ReminderPlan(false, List.of(), Set.of());
        var timers = new ArrayList<Timer>();
        var keep = new HashSet<String>();
        if (order.assigneeId() == null) {
            settings.unassignedAfter().map(after -> order.createdAt().plus(after)).filter(now::isBefore).ifPresent(at ->
                    timers.add(new Timer(ReminderKind.UNASSIGNED_TIMEOUT,
                            key(order.id(), ReminderKind.UNASSIGNED_TIMEOUT), at, null, null)));
        } else {
            if (order.unstarted() && settings.assignedAfter().isPresent()) {
                if (assignedNow.isPresent()) {
                    var at = assignedNow.get().plus(settings.assignedAfter().get());
                    if (now.isBefore(at)) {
                        timers.add(new Timer(ReminderKind.ASSIGNED, key(order.id(), ReminderKind.ASSIGNED), at,
                                order.assigneeId(), null));
                    }
                } else {
                    keep.add(key(order.id(), ReminderKind.ASSIGNED));
                }
            }
            if (order.dueAt() != null) dueTimers(order, settings, now, timers);
        }
        timers.forEach(t -> keep.add(t.key()));
        return new ReminderPlan(true, List.copyOf(timers), Set.copyOf(keep));
    }

    private static void dueTimers(Order order, ReminderSettings settings, Instant now, List<Timer> timers) {
        for (var before : settings.dueSoonBefore()) {
            var at = order.dueAt().minus(before);
            if (now.isBefore(at)) {
                timers.add(new Timer(ReminderKind.DUE_SOON, dueSoonKey(order.id(), before), at, null, order.dueAt()));
            }
        }
        if (settings.overdue() && now.isBefore(order.dueAt())) {
            timers.add(new Timer(ReminderKind.OVERDUE, key(order.id(), ReminderKind.OVERDUE), order.dueAt(), null,
                    order.dueAt()));
        }
    }
}
