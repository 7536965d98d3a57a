package dev.orden.workorder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.WorkOrderTypes;
import dev.orden.config.field.FieldValuesValidator;
import dev.orden.config.workflow.Trigger;
import dev.orden.config.workflow.Workflow;
import dev.orden.config.workflow.WorkflowState;
import dev.orden.config.workflow.WorkflowTransition;
import dev.orden.identity.CurrentUser;
import dev.orden.identity.Role;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Work orders moving through their type's workflow, as the tenant configured it. The workflow is the active
 * version's for the order's type; for a type the active version dropped, the one of the version the order was
 * created under, so its orders keep their lifecycle.
 */
@ApplicationScoped
class WorkOrderLifecycle {

    @Inject
    ActiveConfiguration configuration;

    /** The workflow new orders of {@code type} start in. */
    Workflow workflowFor(String type) {
        return configuration.current().flatMap(active -> active.types().workflowOf(type))
                .orElseGet(WorkOrderTypes::fallbackWorkflow);
    }

    Workflow workflowOf(WorkOrder order) {
        return configuration.current().flatMap(active -> active.types().workflowOf(order.type()))
                .or(() -> Optional.ofNullable(order.configVersion()).flatMap(configuration::version)
                        .flatMap(created -> created.types().workflowOf(order.type())))
                .orElseGet(WorkOrderTypes::fallbackWorkflow);
    }

    /** The version changes are recorded under: the active one. */
    Integer activeVersion() {
        return configuration.current().map(ActiveConfiguration.Active::version).orElse(null);
    }

    /** The moves {@code user} may make from the order's state, whether or not their requirements are met yet. */
    List<Move> available(WorkOrder order, CurrentUser user) {
        return available(workflowOf(order), order, user);
    }

    static List<Move> available(Workflow workflow, WorkOrder order, CurrentUser user) {
        var roles = roleNames(user);
        return workflow.manualFrom(order.status()).stream().filter(t -> t.allows(roles))
                .flatMap(t -> workflow.state(t.to()).map(state -> new Move(t, state)).stream()).toList();
    }

    /** A move a person asked for: the workflow's transition and the state it leads to. */
    record Move(WorkflowTransition transition, WorkflowState target) {}

    /**
     * The move {@code user} asks for, if the workflow has it for them: {@code target} must be a state of the
     * workflow (else 422), reachable from the current state (else 409), by one of the caller's roles (else 403).
     */
    Move move(WorkOrder order, String target, CurrentUser user) {
        return move(workflowOf(order), order, target, user);
    }

    static Move move(Workflow workflow, WorkOrder order, String target, CurrentUser user) {
        var state = workflow.state(target).orElseThrow(() -> ProblemException.invalid("to",
                "'" + target + "' is not a state of this order's workflow; states: " + workflow.states().stream()
                        .map(WorkflowState::key).collect(Collectors.joining(", "))));
        var transition = workflow.manual(order.status(), target).orElseThrow(() -> new ProblemException(Problem.of(
                ProblemType.ILLEGAL_TRANSITION, "%s cannot move from %s to %s; from %s it can move to: %s".formatted(
                        order.displayNumber(), order.status(), target, order.status(),
                        targets(workflow.manualFrom(order.status()))))));
        if (!transition.allows(roleNames(user))) {
            throw ProblemException.forbidden("Moving from %s to %s is for %s".formatted(order.status(), target,
                    String.join(", ", new java.util.TreeSet<>(transition.roles()))));
        }
        return new Move(transition, state);
    }

    /** The move's own requirements: its comment and its required fields, every missing one in one 422. */
    static void requireMet(WorkOrder order, Move move, String comment) {
        var errors = new ArrayList<FieldError>();
        var target = move.target().key();
        if (move.transition().requireComment() && (comment == null || comment.isBlank())) {
            errors.add(new FieldError("comment", "is required to move to " + target));
        }
        missing(order, move.transition()).forEach(field ->
                errors.add(new FieldError(field, "is required to move to " + target)));
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
    }

    /** Where {@code trigger} takes the order by itself, if its workflow says so and the fields it needs are set. */
    static Optional<WorkflowState> triggered(Workflow workflow, WorkOrder order, Trigger trigger) {
        return workflow.triggered(order.status(), trigger)
                .filter(transition -> missing(order, transition).isEmpty())
                .flatMap(transition -> workflow.state(transition.to()));
    }

    /**
     * A type change must not strand the order: its state must exist in the new type's workflow (else 422 on
     * {@code type}). Returns that state, whose category may differ from the old workflow's.
     */
    WorkflowState stateUnder(String type, WorkOrder order) {
        var workflow = workflowFor(type);
        return workflow.state(order.status()).orElseThrow(() -> ProblemException.invalid("type",
                "type '%s' follows workflow '%s', which has no state %s".formatted(type, workflow.key(),
                        order.status())));
    }

    /** The required fields of {@code transition} the order holds no value for, named as the API names them. */
    static List<String> missing(WorkOrder order, WorkflowTransition transition) {
        var missing = new ArrayList<String>();
        var custom = transition.requiredFields().stream().anyMatch(f -> !isBuiltIn(f))
                ? Json.createReader(new StringReader(order.customFields())).readObject()
                : JsonValue.EMPTY_JSON_OBJECT;
        for (var field : transition.requiredFields()) {
            boolean present = switch (field) {
                case "assignee" -> order.assigneeId() != null;
                case "team" -> order.team() != null;
                case "area" -> order.area() != null;
                case "dueAt" -> order.dueAt() != null;
                default -> FieldValuesValidator.hasValue(custom, field);
            };
            if (!present) missing.add(isBuiltIn(field) ? field : "customFields." + field);
        }
        return missing;
    }

    private static boolean isBuiltIn(String field) {
        return Set.of("assignee", "team", "area", "dueAt").contains(field);
    }

    private static Set<String> roleNames(CurrentUser user) {
        return user.roles().stream().map(Role::roleName).collect(Collectors.toSet());
    }

    private static String targets(List<WorkflowTransition> transitions) {
        return transitions.isEmpty() ? "nothing (it is final)"
                : transitions.stream().map(WorkflowTransition::to).collect(Collectors.joining(", "));
    }
}
