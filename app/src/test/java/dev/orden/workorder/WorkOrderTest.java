package dev.orden.workorder;

import static dev.orden.workorder.Fixtures.AGENT;
import static dev.orden.workorder.Fixtures.DISPATCHER;
import static dev.orden.workorder.Fixtures.DUE;
import static dev.orden.workorder.Fixtures.OTHER_AGENT;
import static dev.orden.workorder.Fixtures.REQUESTER;
import static dev.orden.workorder.Fixtures.inStatus;
import static dev.orden.workorder.Fixtures.open;
import static dev.orden.workorder.Fixtures.problem;
import static dev.orden.workorder.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.config.workflow.StateCategory;
import dev.orden.shared.problem.ProblemType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkOrderTest {

    private static void assertEvent(WorkOrderEvent event, WorkOrder order, Actor actor, EventKind kind, String field,
                                    String from, String to, String comment) {
        assertAll(
                () -> assertEquals(kind, event.kind(), "kind"),
                () -> assertEquals(field, event.field(), "field"),
                () -> assertEquals(from, event.oldValue(), "from"),
                () -> assertEquals(to, event.newValue(), "to"),
                () -> assertEquals(comment, event.comment(), "comment"),
                () -> assertEquals(actor.id(), event.actorId(), "actor id"),
                () -> assertEquals(actor.name(), event.actorName(), "actor name"),
                () -> assertEquals(order.id(), event.workOrderId(), "work order"),
                () -> assertEquals(Visibility.PUBLIC, event.visibility(), "visibility"),
                () -> assertNotNull(event.id(), "id"),
                () -> assertNotNull(event.occurredAt(), "occurredAt"));
    }

    private static WorkOrderChanges noChanges() {
        return new WorkOrderChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    @Nested
    class Opening {

        @Test
        void copiesTheDraftAndStartsNew() {
            var opened = WorkOrder.open(42, Fixtures.draft(), Fixtures.WORKFLOW.initialState(), REQUESTER, DISPATCHER);
            var order = opened.order();
            assertAll(
                    () -> assertNotNull(order.id()),
                    () -> assertEquals(42, order.number()),
                    () -> assertEquals("WO-42", order.displayNumber()),
                    () -> assertEquals("Leaking tap", order.title()),
                    () -> assertEquals("Kitchen, 2nd floor", order.description()),
                    () -> assertEquals("plumbing", order.type()),
                    () -> assertEquals(Priority.HIGH, order.priority()),
                    () -> assertEquals("B2", order.area()),
                    () -> assertEquals(DUE, order.dueAt()),
                    () -> assertEquals("{\"floor\":2,\"urgent\":true}", order.customFields()),
                    () -> assertEquals("NEW", order.status()),
                    () -> assertEquals(StateCategory.NEW, order.statusCategory()),
                    () -> assertEquals(REQUESTER.id(), order.requesterId()),
                    () -> assertEquals(REQUESTER.name(), order.requesterName()),
                    () -> assertEquals(DISPATCHER.id(), order.createdBy()),
                    () -> assertNull(order.assigneeId()),
                    () -> assertNull(order.team()),
                    () -> assertNull(order.completedAt()),
                    () -> assertNotNull(order.createdAt()),
                    () -> assertEquals(order.createdAt(), order.updatedAt()));
            assertEvent(opened.created(), order, DISPATCHER, EventKind.CREATED, "status", null, "NEW", null);
        }

        @Test
        void everyOrderGetsItsOwnId() {
            assertNotEquals(open().id(), open().id());
        }
    }

    @Nested
    class Moving {

        @Test
        void recordsOneStatusChangeWithCommentAndActorAndTakesTheCategory() {
            var order = inStatus("ASSIGNED");
            var before = order.updatedAt();
            var events = order.moveTo(state("ON_HOLD"), AGENT, "waiting for the customer");
            assertEquals(1, events.size());
            assertEvent(events.getFirst(), order, AGENT, EventKind.STATUS_CHANGED, "status", "ASSIGNED",
                    "ON_HOLD", "waiting for the customer");
            assertEquals("ON_HOLD", order.status());
            assertEquals(StateCategory.PENDING, order.statusCategory());
            assertTrue(order.updatedAt().isAfter(before), "updatedAt moves");
        }

        @Test
        void enteringAResolvedStateRecordsWhoCompletedItAndWhen() {
            var order = inStatus("IN_PROGRESS");
            var event = order.moveTo(state("RESOLVED"), OTHER_AGENT, "fixed the washer").getFirst();
            assertEquals(OTHER_AGENT.id(), order.completedBy());
            assertEquals(OTHER_AGENT.name(), order.completedByName());
            assertEquals(event.occurredAt(), order.completedAt());
            assertEquals(StateCategory.RESOLVED, order.statusCategory());
        }

        @Test
        void reopeningClearsTheCompletion() {
            var order = inStatus("RESOLVED");
            assertNotNull(order.completedAt());
            var event = order.moveTo(state("IN_PROGRESS"), REQUESTER, "still dripping").getFirst();
            assertEvent(event, order, REQUESTER, EventKind.STATUS_CHANGED, "status", "RESOLVED", "IN_PROGRESS",
                    "still dripping");
            assertNull(order.completedBy());
            assertNull(order.completedByName());
            assertNull(order.completedAt());
        }

        @Test
        void closingAResolvedOrderKeepsWhoCompletedIt() {
            var order = inStatus("IN_PROGRESS");
            var resolved = order.moveTo(state("RESOLVED"), AGENT, null).getFirst();
            order.moveTo(state("CLOSED"), REQUESTER, "thanks");
            assertEquals("CLOSED", order.status());
            assertEquals(StateCategory.CLOSED, order.statusCategory());
            assertEquals(AGENT.id(), order.completedBy());
            assertEquals(AGENT.name(), order.completedByName());
            assertEquals(resolved.occurredAt(), order.completedAt());
        }

        @Test
        void holdingAndResumingDoesNotComplete() {
            var order = inStatus("ON_HOLD");
            order.moveTo(state("IN_PROGRESS"), AGENT, null);
            assertNull(order.completedBy());
            assertNull(order.completedAt());
        }

        @Test
        void cancellingIsClosingWithoutCompleting() {
            var order = open();
            var event = order.moveTo(state("CANCELLED"), REQUESTER, "not needed").getFirst();
            assertEvent(event, order, REQUESTER, EventKind.STATUS_CHANGED, "status", "NEW", "CANCELLED",
                    "not needed");
            assertEquals(StateCategory.CLOSED, order.statusCategory());
            assertNull(order.completedBy());
        }
    }

    @Nested
    class Assignment {

        @Test
        void givingAnOrderToAPersonAndTeamRecordsBothAndLeavesTheStatusToTheWorkflow() {
            var order = open();
            var before = order.updatedAt();
            var events = order.assign(AGENT, "plumbers", DISPATCHER, "closest");
            assertEquals(2, events.size());
            assertEvent(events.get(0), order, DISPATCHER, EventKind.ASSIGNED, "assignee", null, "Ann Agent", "closest");
            assertEvent(events.get(1), order, DISPATCHER, EventKind.ASSIGNED, "team", null, "plumbers", "closest");
            assertEquals("NEW", order.status());
            assertEquals(AGENT.id(), order.assigneeId());
            assertEquals(AGENT.name(), order.assigneeName());
            assertEquals("plumbers", order.team());
            assertTrue(order.updatedAt().isAfter(before));
        }

        @Test
        void reassigningTheSamePersonAndTeamRecordsNothing() {
            var order = open();
            order.assign(AGENT, "plumbers", DISPATCHER, null);
            var before = order.updatedAt();
            assertEquals(List.of(), order.assign(AGENT, "plumbers", DISPATCHER, "again"));
            assertEquals(List.of(), order.assign(null, null, DISPATCHER, null));
            assertEquals(before, order.updatedAt());
        }

        @Test
        void handingOverKeepsTheStatusAndRecordsThePreviousAssignee() {
            var order = inStatus("IN_PROGRESS");
            var events = order.assign(OTHER_AGENT, null, DISPATCHER, "Ann is off sick");
            assertEquals(1, events.size());
            assertEvent(events.getFirst(), order, DISPATCHER, EventKind.ASSIGNED, "assignee", "Ann Agent",
                    "Bob Agent", "Ann is off sick");
            assertEquals("IN_PROGRESS", order.status());
            assertEquals(OTHER_AGENT.id(), order.assigneeId());
        }

        @Test
        void thePreviousAssigneeFallsBackToItsIdWhenItHadNoName() {
            var order = open();
            order.assign(new Actor("agent-9", null), null, DISPATCHER, null);
            var event = order.assign(AGENT, null, DISPATCHER, null).getFirst();
            assertEquals("agent-9", event.oldValue());
        }

        @ParameterizedTest
        @ValueSource(strings = {"RESOLVED", "CLOSED", "CANCELLED"})
        void ordersNoLongerToBeDoneCannotBeAssigned(String status) {
            var order = inStatus(status);
            var before = order.updatedAt();
            var assignee = order.assigneeId();
            var problem = problem(ProblemType.ILLEGAL_TRANSITION,
                    () -> order.assign(OTHER_AGENT, "electricians", DISPATCHER, null));
            assertEquals("WO-42 is " + status + " and can no longer be assigned", problem.detail());
            assertEquals(assignee, order.assigneeId());
            assertNull(order.team());
            assertEquals(status, order.status());
            assertEquals(before, order.updatedAt());
        }

        @Test
        void anOnHoldOrderCanStillBeHandedOver() {
            var order = inStatus("ON_HOLD");
            assertEquals(1, order.assign(OTHER_AGENT, null, DISPATCHER, null).size());
        }
    }

    @Nested
    class Updating {

        @Test
        void recordsOneEventPerChangedField() {
            var order = open();
            var before = order.updatedAt();
            var newDue = Instant.parse("2027-01-15T08:00:00Z");
            var changes = new WorkOrderChanges(Optional.of("Leaking tap, urgent"), Optional.of(Optional.empty()),
                    Optional.of("plumbing-2"), Optional.of(Priority.URGENT), Optional.of(Optional.of("B3")),
                    Optional.of(Optional.of(newDue)), Optional.of("{\"floor\":3,\"urgent\":true}"),
                    List.of(new WorkOrderChanges.CustomFieldChange("floor", "2", "3")));
            var events = order.update(changes, AGENT);
            assertEquals(7, events.size());
            assertEvent(events.get(0), order, AGENT, EventKind.UPDATED, "title", "Leaking tap", "Leaking tap, urgent", null);
            assertEvent(events.get(1), order, AGENT, EventKind.UPDATED, "description", "Kitchen, 2nd floor", null, null);
            assertEvent(events.get(2), order, AGENT, EventKind.UPDATED, "type", "plumbing", "plumbing-2", null);
            assertEvent(events.get(3), order, AGENT, EventKind.UPDATED, "priority", "HIGH", "URGENT", null);
            assertEvent(events.get(4), order, AGENT, EventKind.UPDATED, "area", "B2", "B3", null);
            assertEvent(events.get(5), order, AGENT, EventKind.UPDATED, "dueAt", DUE.toString(), newDue.toString(), null);
            assertEvent(events.get(6), order, AGENT, EventKind.UPDATED, "customFields.floor", "2", "3", null);
            assertAll(
                    () -> assertEquals("Leaking tap, urgent", order.title()),
                    () -> assertNull(order.description()),
                    () -> assertEquals("plumbing-2", order.type()),
                    () -> assertEquals(Priority.URGENT, order.priority()),
                    () -> assertEquals("B3", order.area()),
                    () -> assertEquals(newDue, order.dueAt()),
                    () -> assertEquals("{\"floor\":3,\"urgent\":true}", order.customFields()),
                    () -> assertTrue(order.updatedAt().isAfter(before)));
        }

        @Test
        void onlyReallyChangedFieldsAreRecorded() {
            var order = open();
            var changes = new WorkOrderChanges(Optional.of("Leaking tap"), Optional.of(Optional.of("Kitchen, 2nd floor")),
                    Optional.of("plumbing"), Optional.of(Priority.LOW), Optional.of(Optional.of("B2")),
                    Optional.of(Optional.of(DUE)), Optional.empty(), List.of());
            var events = order.update(changes, AGENT);
            assertEquals(1, events.size());
            assertEvent(events.getFirst(), order, AGENT, EventKind.UPDATED, "priority", "HIGH", "LOW", null);
        }

        @Test
        void equalValuesRecordNothingAndLeaveUpdatedAtAlone() {
            var order = open();
            var before = order.updatedAt();
            var same = new WorkOrderChanges(Optional.of("Leaking tap"), Optional.of(Optional.of("Kitchen, 2nd floor")),
                    Optional.of("plumbing"), Optional.of(Priority.HIGH), Optional.of(Optional.of("B2")),
                    Optional.of(Optional.of(DUE)), Optional.of(order.customFields()), List.of());
            assertEquals(List.of(), order.update(same, AGENT));
            assertEquals(List.of(), order.update(noChanges(), AGENT));
            assertEquals(before, order.updatedAt());
            assertEquals("Leaking tap", order.title());
        }

        @Test
        void clearingAnAlreadyEmptyFieldRecordsNothing() {
            var order = WorkOrder.open(7, new WorkOrderDraft("t", null, "general", Priority.NORMAL, null, null, "{}"),
                    Fixtures.WORKFLOW.initialState(), REQUESTER, REQUESTER).order();
            var clear = new WorkOrderChanges(Optional.empty(), Optional.of(Optional.empty()), Optional.empty(),
                    Optional.empty(), Optional.of(Optional.empty()), Optional.of(Optional.empty()), Optional.empty(),
                    List.of());
            assertEquals(List.of(), order.update(clear, AGENT));
        }

        @Test
        void settingAClearedFieldRecordsFromNull() {
            var order = WorkOrder.open(7, new WorkOrderDraft("t", null, "general", Priority.NORMAL, null, null, "{}"),
                    Fixtures.WORKFLOW.initialState(), REQUESTER, REQUESTER).order();
            var changes = new WorkOrderChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(Optional.of("Roof")), Optional.empty(), Optional.empty(), List.of());
            var event = order.update(changes, AGENT).getFirst();
            assertEvent(event, order, AGENT, EventKind.UPDATED, "area", null, "Roof", null);
        }
    }
}
