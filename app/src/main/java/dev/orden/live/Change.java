package dev.orden.live;

import dev.orden.identity.CurrentUser;
import dev.orden.workorder.EventKind;
import dev.orden.workorder.Visibility;
import dev.orden.workorder.WorkOrder;
import dev.orden.workorder.WorkOrderAudience;
import dev.orden.workorder.WorkOrderEvent;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A notice with what it names, loaded under its tenant's binding: the order as it is now and the change's history
 * entries. {@code audience} is the policy's answer for this order, asked per subscriber.
 */
record Change(String eventId, Order order, List<Entry> entries, Predicate<CurrentUser> audience) {

    record Order(UUID id, String number, String status, String statusCategory, int version) {}

    /** {@code actorId} is null for entries known only by their kind (a notice that left its entries out). */
    record Entry(EventKind kind, String field, Visibility visibility, String actorId, String actorName) {}

    Change {
        entries = List.copyOf(entries);
    }

    static Change of(Notice notice, WorkOrder order, List<WorkOrderEvent> entries) {
        var state = new Order(order.id(), order.displayNumber(), order.status(), order.statusCategory().key(),
                order.version());
        var loaded = notice.entries().isEmpty()
                ? notice.kinds().stream().map(kind -> new Entry(kind, null, notice.visibility(), null, null)).toList()
                : entries.stream().map(e -> new Entry(e.kind(), e.field(), e.visibility(), e.actorId(), e.actorName()))
                        .toList();
        return new Change(notice.id(), state, loaded, user -> WorkOrderAudience.sees(user, order));
    }
}
