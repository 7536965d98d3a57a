package dev.orden.workorder;

import static dev.orden.workorder.Fixtures.ADMIN;
import static dev.orden.workorder.Fixtures.WORKFLOW;
import static dev.orden.workorder.Fixtures.fieldErrors;
import static dev.orden.workorder.Fixtures.inStatus;
import static dev.orden.workorder.Fixtures.open;
import static dev.orden.workorder.Fixtures.problem;
import static dev.orden.workorder.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.config.workflow.StateCategory;
import dev.orden.config.workflow.Trigger;
import dev.orden.config.workflow.Workflow;
import dev.orden.identity.CurrentUser;
import dev.orden.identity.Role;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The workflow rules on orders: which moves exist, for whom, what they require, and what triggers take. */
class WorkOrderLifecycleTest {

    private static final CurrentUser DISPATCHER = user("disp-1", Role.DISPATCHER);
    private static final CurrentUser AGENT = user("agent-1", Role.AGENT);
    private static final CurrentUser REQUESTER = user("req-1", Role.REQUESTER);

    /** An approval workflow with a required custom field and a required built-in, and no assignment trigger. */
    private static final Workflow APPROVAL = Workflow.of(Fixtures.json("""
            {'key':'approval','initial':'SUBMITTED','states':[
              {'key':'SUBMITTED','name':{'es':'Enviada','en':'Submitted'},'category':'new'},
              {'key':'PENDING_APPROVAL','name':{'es':'Pendiente','en':'Pending approval'},'category':'pending'},
              {'key':'APPROVED','name':{'es':'Aprobada','en':'Approved'},'category':'open'},
              {'key':'DONE','name':{'es':'Hecha','en':'Done'},'category':'resolved'}],
             'transitions':[
              {'from':'SUBMITTED','to':'PENDING_APPROVAL','roles':['dispatcher']},
              {'from':'PENDING_APPROVAL','to':'APPROVED','roles':['tenant-admin'],'requiredFields':['floor','costCentre']},
              {'from':'APPROVED','to':'DONE','roles':['agent'],'requiredFields':['assignee','dueAt'],'requireComment':true}]}
            """));

    private static Set<String> targets(Workflow workflow, WorkOrder order, CurrentUser user) {
        return WorkOrderLifecycle.available(workflow, order, user).stream().map(m -> m.target().key())
                .collect(Collectors.toSet());
    }

    private static Set<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
            "NEW         | REQUESTER    | CANCELLED",
            "NEW         | AGENT        | ''",
            "NEW         | DISPATCHER   | CANCELLED",
            "ASSIGNED    | AGENT        | IN_PROGRESS",
            "ASSIGNED    | REQUESTER    | CANCELLED",
            "IN_PROGRESS | AGENT        | ON_HOLD,RESOLVED",
            "IN_PROGRESS | TENANT_ADMIN | ON_HOLD,RESOLVED,CANCELLED",
            "RESOLVED    | REQUESTER    | CLOSED,IN_PROGRESS",
            "RESOLVED    | AGENT        | ''",
            "CLOSED      | TENANT_ADMIN | ''",
            "CANCELLED   | TENANT_ADMIN | ''"})
    void eachRoleSeesTheMovesTheDefaultWorkflowGivesIt(String status, Role role, String expected) {
        var moves = targets(WORKFLOW, inStatus(status), user("u", role));
        assertEquals(expected.isEmpty() ? Set.of() : Set.of(expected.split(",")), moves);
    }

    @Test
    void aStateTheWorkflowDoesNotHaveIs422OnTo() {
        var errors = fieldErrors(() -> WorkOrderLifecycle.move(WORKFLOW, open(), "DONE", ADMIN));
        assertEquals(1, errors.size());
        assertEquals("to", errors.getFirst().field());
        assertTrue(errors.getFirst().message().contains("NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELLED"),
                errors.toString());
    }

    @Test
    void aStateWithoutATransitionFromHereIs409NamingWhereItCanGo() {
        var problem = problem(ProblemType.ILLEGAL_TRANSITION,
                () -> WorkOrderLifecycle.move(WORKFLOW, inStatus("IN_PROGRESS"), "CLOSED", ADMIN));
        assertEquals("WO-42 cannot move from IN_PROGRESS to CLOSED; from IN_PROGRESS it can move to: ON_HOLD, "
                + "RESOLVED, CANCELLED", problem.detail());
        var closed = problem(ProblemType.ILLEGAL_TRANSITION,
                () -> WorkOrderLifecycle.move(WORKFLOW, inStatus("CLOSED"), "IN_PROGRESS", ADMIN));
        assertTrue(closed.detail().endsWith("it can move to: nothing (it is final)"), closed.detail());
    }

    @Test
    void aTransitionTakenByATriggerCannotBeTakenByHand() {
        problem(ProblemType.ILLEGAL_TRANSITION, () -> WorkOrderLifecycle.move(WORKFLOW, open(), "ASSIGNED", ADMIN));
    }

    @Test
    void aTransitionForOtherRolesIs403NamingThem() {
        var problem = problem(ProblemType.FORBIDDEN,
                () -> WorkOrderLifecycle.move(WORKFLOW, inStatus("ASSIGNED"), "IN_PROGRESS", REQUESTER));
        assertEquals("Moving from ASSIGNED to IN_PROGRESS is for agent, dispatcher, tenant-admin", problem.detail());
    }

    @Test
    void aRequiredCommentIsReportedOnComment() {
        var order = inStatus("IN_PROGRESS");
        var move = WorkOrderLifecycle.move(WORKFLOW, order, "ON_HOLD", AGENT);
        for (var missing : new String[] {null, "", "   "}) {
            var errors = fieldErrors(() -> WorkOrderLifecycle.requireMet(order, move, missing));
            assertEquals(List.of(new FieldError("comment", "is required to move to ON_HOLD")), errors);
        }
        WorkOrderLifecycle.requireMet(order, move, "waiting for parts");
    }

    @Test
    void everyMissingRequiredFieldAndTheCommentAreReportedAtOnce() {
        var order = open();
        order.moveTo(APPROVAL.state("APPROVED").orElseThrow(), Fixtures.DISPATCHER, null);
        var move = WorkOrderLifecycle.move(APPROVAL, order, "DONE", AGENT);
        var errors = fieldErrors(() -> WorkOrderLifecycle.requireMet(order, move, null));
        assertEquals(Set.of("comment", "assignee"), fields(errors), "the fixture's draft has a due date");
        Fixtures.setField(order, "dueAt", null);
        order.assign(Fixtures.AGENT, null, Fixtures.DISPATCHER, null);
        assertEquals(Set.of("comment", "dueAt"),
                fields(fieldErrors(() -> WorkOrderLifecycle.requireMet(order, move, ""))));
    }

    @Test
    void requiredCustomFieldsMustHoldAValueNotBlankTextOrAnEmptyList() {
        var order = open();
        order.moveTo(APPROVAL.state("PENDING_APPROVAL").orElseThrow(), Fixtures.DISPATCHER, null);
        var move = WorkOrderLifecycle.move(APPROVAL, order, "APPROVED", ADMIN);
        assertEquals(Set.of("customFields.costCentre"),
                fields(fieldErrors(() -> WorkOrderLifecycle.requireMet(order, move, null))), "floor is 2");
        for (var empty : List.of("\"  \"", "[]", "null")) {
            Fixtures.setField(order, "customFields", "{\"floor\":2,\"costCentre\":" + empty + "}");
            assertEquals(Set.of("customFields.costCentre"),
                    fields(fieldErrors(() -> WorkOrderLifecycle.requireMet(order, move, null))), empty);
        }
        Fixtures.setField(order, "customFields", "{\"floor\":0,\"costCentre\":\"CC-1\"}");
        WorkOrderLifecycle.requireMet(order, move, null);
    }

    @Test
    void assigningANewOrderTakesTheTriggeredTransitionOnlyWhereTheWorkflowHasOne() {
        var order = open();
        order.assign(Fixtures.AGENT, null, Fixtures.DISPATCHER, null);
        var assigned = WorkOrderLifecycle.triggered(WORKFLOW, order, Trigger.ASSIGNED).orElseThrow();
        assertEquals("ASSIGNED", assigned.key());
        assertEquals(StateCategory.OPEN, assigned.category());
        assertEquals(Optional.empty(), WorkOrderLifecycle.triggered(WORKFLOW, inStatus("IN_PROGRESS"), Trigger.ASSIGNED));
        assertEquals(Optional.empty(), WorkOrderLifecycle.triggered(APPROVAL, order, Trigger.ASSIGNED),
                "the approval workflow has no trigger: assignment leaves a submitted order submitted");
    }

    @Test
    void aTriggeredTransitionWaitsForItsRequiredFields() {
        var workflow = Workflow.of(Fixtures.json("""
                {'key':'w','initial':'NEW','states':[
                  {'key':'NEW','name':{'es':'Nueva','en':'New'},'category':'new'},
                  {'key':'PLANNED','name':{'es':'Planificada','en':'Planned'},'category':'open'}],
                 'transitions':[{'from':'NEW','to':'PLANNED','trigger':'assigned','requiredFields':['team']}]}
                """));
        var order = open();
        order.assign(Fixtures.AGENT, null, Fixtures.DISPATCHER, null);
        assertEquals(Optional.empty(), WorkOrderLifecycle.triggered(workflow, order, Trigger.ASSIGNED));
        order.assign(null, "plumbers", Fixtures.DISPATCHER, null);
        assertEquals("PLANNED", WorkOrderLifecycle.triggered(workflow, order, Trigger.ASSIGNED).orElseThrow().key());
    }

    @Test
    void anOrderInAStateTheWorkflowNoLongerHasCanBeMovedAnywhereByDispatchersWithAComment() {
        var order = open();
        Fixtures.setField(order, "status", "WAITING_PARTS");
        assertEquals(Set.of("NEW", "ASSIGNED", "IN_PROGRESS", "ON_HOLD", "RESOLVED", "CLOSED", "CANCELLED"),
                targets(WORKFLOW, order, DISPATCHER));
        assertEquals(Set.of(), targets(WORKFLOW, order, AGENT));
        var move = WorkOrderLifecycle.move(WORKFLOW, order, "IN_PROGRESS", DISPATCHER);
        assertEquals(Set.of("comment"), fields(fieldErrors(() -> WorkOrderLifecycle.requireMet(order, move, null))));
        problem(ProblemType.FORBIDDEN, () -> WorkOrderLifecycle.move(WORKFLOW, order, "IN_PROGRESS", AGENT));
    }
}
