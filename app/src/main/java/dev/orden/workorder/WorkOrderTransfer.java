package dev.orden.workorder;

import dev.orden.config.workflow.Trigger;
import dev.orden.config.workflow.Workflow;
import dev.orden.identity.Member;
import dev.orden.identity.MemberDirectory;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Transfers to another team and/or area, the one path for the API ({@code POST /workorders/{ref}/transfer}) and the
 * flow rules' {@code transfer} effect. The reason is required. The assignee stays only if a member of the order's
 * (new) team; otherwise the order goes back to the team's queue: unassigned, and back in its workflow's initial
 * state when its state is the one the assignment moved it to (ASSIGNED in the default workflow; work already
 * started stays where it is). Then the tenant's assignment rules have their say, as on a new order: the first that
 * matches the order, when it sends it to this team and names a person or a strategy, picks within the team.
 */
@ApplicationScoped
class WorkOrderTransfer {

    @Inject
    TeamMembers teams;

    @Inject
    MemberDirectory members;

    @Inject
    WorkOrderDispatch dispatch;

    /** What a transfer asks for; {@code team} or {@code area} may be null (unchanged), not both. */
    record Request(String team, String area, String reason) {}

    /** The transfer applied; 422 with a field error per bad part, 409 for an order no longer active. */
    List<WorkOrderEvent> apply(WorkOrder order, Workflow workflow, Request request, Actor actor) {
        check(order, request);
        var team = request.team() != null ? request.team() : order.team();
        var keep = order.assigneeId() == null || Objects.equals(team, order.team()) || memberOf(team, order.assigneeId());
        var reason = request.reason().strip();
        var events = new ArrayList<>(order.transfer(request.team(), request.area(), keep, actor, reason));
        if (keep) return events;
        var initial = workflow.initialState();
        if (!initial.key().equals(order.status()) && workflow.triggered(initial.key(), Trigger.ASSIGNED)
                .filter(t -> t.to().equals(order.status())).isPresent()) {
            events.addAll(order.moveTo(initial, actor, reason));
        }
        events.addAll(dispatch.onTransferred(order, workflow));
        return events;
    }

    private void check(WorkOrder order, Request request) {
        var errors = new ArrayList<FieldError>();
        if (request.team() == null && request.area() == null) {
            errors.add(new FieldError("team", "give a team, an area or both"));
            errors.add(new FieldError("area", "give a team, an area or both"));
        }
        if (request.team() != null && !teams.teams().contains(request.team())) {
            errors.add(new FieldError("team", "unknown team '" + request.team() + "'; teams: "
                    + String.join(", ", new java.util.TreeSet<>(teams.teams()))));
        }
        var areas = teams.areas();
        if (request.area() != null && !areas.isEmpty() && !areas.contains(request.area())) {
            errors.add(new FieldError("area", "unknown area '" + request.area() + "'"));
        }
        if (request.reason() == null || request.reason().isBlank()) errors.add(new FieldError("reason", "is required"));
        if (errors.isEmpty() && (request.team() == null || request.team().equals(order.team()))
                && (request.area() == null || request.area().equals(order.area()))) {
            errors.add(new FieldError(request.team() != null ? "team" : "area", "the order is already there"));
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
    }

    private boolean memberOf(String team, String userId) {
        try {
            return members.find(UUID.fromString(userId)).map(Member::email)
                    .filter(email -> teams.includes(team, email)).isPresent();
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
