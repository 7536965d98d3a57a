package dev.orden.workorder;

import dev.orden.assignment.Decision;
import dev.orden.assignment.Dispatcher;
import dev.orden.config.workflow.Trigger;
import dev.orden.config.workflow.Workflow;
import dev.orden.plugin.assignment.OrderFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Automatic assignment applied to orders: the tenant's declarative assignment rules on a new order, and a
 * strategy's pick (for a flow rule's {@code assign} effect and the dispatch endpoint). {@link Dispatcher} decides;
 * this writes the decision into the order and its history, who and why, as a person's assignment would be.
 */
@ApplicationScoped
class WorkOrderDispatch {

    @Inject
    Dispatcher dispatcher;

    /**
     * On {@code workorder.creating}, before the flow rules: an order created without assignee and team goes where
     * the first matching assignment rule says, the rule named as the actor.
     */
    List<WorkOrderEvent> onCreating(WorkOrder order, Workflow workflow) {
        if (order.assigneeId() != null || order.team() != null) return List.of();
        return dispatcher.route(facts(order)).map(routed -> apply(order, workflow, routed.decision(),
                new Actor("assignment-rule:" + routed.ruleKey(), "assignment rule " + routed.ruleName())))
                .orElse(List.of());
    }

    /**
     * After a transfer took the order from its assignee: the first assignment rule that matches it, when it sends
     * it to its (new) team and names a person or a strategy, picks within the team; else it waits in the queue.
     */
    List<WorkOrderEvent> onTransferred(WorkOrder order, Workflow workflow) {
        return dispatcher.route(facts(order))
                .filter(routed -> routed.decision().team() == null || routed.decision().team().equals(order.team()))
                .filter(routed -> routed.decision().assigns() || routed.decision().missed())
                .map(routed -> apply(order, workflow, routed.decision(),
                        new Actor("assignment-rule:" + routed.ruleKey(), "assignment rule " + routed.ruleName())))
                .orElse(List.of());
    }

    /** What {@code strategy} (null: the tenant's default) picks for the order among {@code team}'s members. */
    Decision decide(WorkOrder order, String strategy, String team, String because) {
        return dispatcher.decide(facts(order), strategy, team, because);
    }

    /** The decision applied: the team and agent it names, the workflow's assignment trigger, or a note why no one. */
    List<WorkOrderEvent> apply(WorkOrder order, Workflow workflow, Decision decision, Actor actor) {
        var assignee = decision.assigns() ? new Actor(decision.agentId(), decision.agentName()) : null;
        var events = new ArrayList<>(order.assign(assignee, decision.team(), actor, decision.reason()));
        if (decision.missed()) events.add(WorkOrderEvent.notAssigned(order.id(), actor, decision.reason()));
        if (assignee != null) {
            WorkOrderLifecycle.triggered(workflow, order, Trigger.ASSIGNED)
                    .ifPresent(state -> events.addAll(order.moveTo(state, actor, decision.reason())));
        }
        return events;
    }

    private static OrderFacts facts(WorkOrder order) {
        JsonObject fields;
        try (var reader = Json.createReader(new StringReader(order.customFields()))) {
            fields = reader.readObject();
        }
        return Dispatcher.facts(order.id().toString(), order.displayNumber(), order.type(), order.priority().name(),
                order.title(), order.description(), order.team(), order.area(), fields);
    }
}
