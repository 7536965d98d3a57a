package dev.orden.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A merge patch applied to an order, checked against the tenant's configuration: the one way fields change,
 * whether a person sends the patch or a flow rule's effect does. A change of an internal field is recorded for
 * staff only, so requesters' histories, live events and notifications never carry it.
 */
@ApplicationScoped
class WorkOrderEditing {

    @Inject
    WorkOrderConfiguration configuration;

    @Inject
    WorkOrderLifecycle lifecycle;

    /** The history entries of the change; a 422 problem, and nothing changed, when the patch is invalid. */
    List<WorkOrderEvent> patch(WorkOrder order, JsonObject patch, Actor actor) {
        var changes = WorkOrderInput.changes(patch, order);
        var checked = configuration.update(order, patch, changes.type());
        if (checked != patch) changes = WorkOrderInput.changes(checked, order);
        changes.type().filter(type -> !type.equals(order.type()))
                .ifPresent(type -> order.followWorkflowOf(lifecycle.stateUnder(type, order)));
        var events = order.update(changes, actor);
        var internal = configuration.internalKeys().stream().map(key -> "customFields." + key)
                .collect(Collectors.toSet());
        events.stream().filter(event -> internal.contains(event.field())).forEach(WorkOrderEvent::keepInternal);
        return events;
    }
}
