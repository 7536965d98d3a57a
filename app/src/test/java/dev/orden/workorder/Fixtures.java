package dev.orden.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.config.WorkOrderTypes;
import dev.orden.config.workflow.Trigger;
import dev.orden.config.workflow.Workflow;
import dev.orden.config.workflow.WorkflowState;
import dev.orden.identity.CurrentUser;
import dev.orden.identity.Role;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Shared test data for the work-order package: actors, drafts, orders in every status, JSON and problems. */
final class Fixtures {

    static final Actor REQUESTER = new Actor("req-1", "Rita Requester");
    static final Actor DISPATCHER = new Actor("disp-1", "Dan Dispatcher");
    static final Actor AGENT = new Actor("agent-1", "Ann Agent");
    static final Actor OTHER_AGENT = new Actor("agent-2", "Bob Agent");
    static final Instant DUE = Instant.parse("2026-12-01T17:00:00Z");
    /** The shipped default bundle's workflow: NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELLED. */
    static final Workflow WORKFLOW = WorkOrderTypes.fallbackWorkflow();
    static final CurrentUser ADMIN = user("admin-1", Role.TENANT_ADMIN);

    private Fixtures() {}

    static WorkOrderDraft draft() {
        return new WorkOrderDraft("Leaking tap", "Kitchen, 2nd floor", "plumbing", Priority.HIGH, "B2", DUE,
                "{\"floor\":2,\"urgent\":true}");
    }

    static WorkOrder open() {
        return WorkOrder.open(42, draft(), WORKFLOW.initialState(), REQUESTER, DISPATCHER).order();
    }

    static WorkflowState state(String key) {
        return WORKFLOW.state(key).orElseThrow();
    }

    /**
     * An order brought to {@code status} along the shipped default workflow, assigned to {@link #AGENT} unless
     * NEW or CANCELLED, every move checked by the lifecycle as an admin's.
     */
    static WorkOrder inStatus(String status) {
        var order = open();
        switch (status) {
            case "NEW" -> {}
            case "ASSIGNED" -> assign(order);
            case "IN_PROGRESS" -> walk(order, "IN_PROGRESS");
            case "ON_HOLD" -> walk(order, "IN_PROGRESS", "ON_HOLD");
            case "RESOLVED" -> walk(order, "IN_PROGRESS", "RESOLVED");
            case "CLOSED" -> walk(order, "IN_PROGRESS", "RESOLVED", "CLOSED");
            case "CANCELLED" -> step(order, "CANCELLED");
            default -> throw new IllegalArgumentException(status);
        }
        assertEquals(status, order.status());
        return order;
    }

    /** Gives the order to {@link #AGENT}, following the workflow's assignment trigger as the service does. */
    static void assign(WorkOrder order) {
        order.assign(AGENT, null, DISPATCHER, null);
        WorkOrderLifecycle.triggered(WORKFLOW, order, Trigger.ASSIGNED)
                .ifPresent(state -> order.moveTo(state, DISPATCHER, null));
    }

    private static void walk(WorkOrder order, String... steps) {
        assign(order);
        for (var step : steps) step(order, step);
    }

    private static void step(WorkOrder order, String target) {
        var move = WorkOrderLifecycle.move(WORKFLOW, order, target, ADMIN);
        order.moveTo(move.target(), AGENT, "step to " + target);
    }

    /** Sets a private field of an entity, standing in for a row loaded from the database. */
    static void setField(Object target, String name, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** JSON written with single quotes, for readability. */
    static JsonObject json(String singleQuoted) {
        return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
    }

    static CurrentUser user(String id, Role... roles) {
        return new CurrentUser(id, id, id + "@example.com", null,
                roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles)));
    }

    /** Runs {@code call}, expects a problem of {@code type} and returns it. */
    static Problem problem(ProblemType type, Executable call) {
        var problem = assertThrows(ProblemException.class, call).problem();
        assertEquals("https://orden.dev/problems/" + type.slug(), problem.type(), () -> "problem " + problem);
        assertEquals(type.status(), problem.status());
        return problem;
    }

    /** Runs {@code call}, expects a 422 and returns its field errors. */
    static List<FieldError> fieldErrors(Executable call) {
        var errors = problem(ProblemType.VALIDATION, call).errors();
        return errors == null ? List.of() : errors;
    }
}
