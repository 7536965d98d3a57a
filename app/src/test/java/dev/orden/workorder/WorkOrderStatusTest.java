package dev.orden.workorder;

import static dev.orden.workorder.WorkOrderStatus.ASSIGNED;
import static dev.orden.workorder.WorkOrderStatus.CANCELLED;
import static dev.orden.workorder.WorkOrderStatus.CLOSED;
import static dev.orden.workorder.WorkOrderStatus.IN_PROGRESS;
import static dev.orden.workorder.WorkOrderStatus.NEW;
import static dev.orden.workorder.WorkOrderStatus.ON_HOLD;
import static dev.orden.workorder.WorkOrderStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkOrderStatusTest {

    /** The default lifecycle, written out independently of the code under test. */
    private static final Map<WorkOrderStatus, Set<WorkOrderStatus>> ALLOWED = Map.of(
            NEW, EnumSet.of(CANCELLED),
            ASSIGNED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(ON_HOLD, RESOLVED, CANCELLED),
            ON_HOLD, EnumSet.of(IN_PROGRESS, CANCELLED),
            RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS),
            CLOSED, EnumSet.noneOf(WorkOrderStatus.class),
            CANCELLED, EnumSet.noneOf(WorkOrderStatus.class));

    static Stream<Arguments> everyPair() {
        return Arrays.stream(WorkOrderStatus.values())
                .flatMap(from -> Arrays.stream(WorkOrderStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void exactlyTheLifecycleTransitionsAreAllowed(WorkOrderStatus from, WorkOrderStatus to) {
        assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to));
    }

    @ParameterizedTest
    @EnumSource(WorkOrderStatus.class)
    void nextListsTheAllowedTargets(WorkOrderStatus status) {
        assertEquals(ALLOWED.get(status), status.next());
    }

    @ParameterizedTest
    @CsvSource({
            "NEW,         true,  false",
            "ASSIGNED,    true,  false",
            "IN_PROGRESS, true,  false",
            "ON_HOLD,     true,  false",
            "RESOLVED,    false, false",
            "CLOSED,      false, true",
            "CANCELLED,   false, true"})
    void openAndTerminal(WorkOrderStatus status, boolean open, boolean terminal) {
        assertEquals(open, status.isOpen(), "isOpen");
        assertEquals(terminal, status.isTerminal(), "isTerminal");
    }

    @ParameterizedTest
    @EnumSource(WorkOrderStatus.class)
    void terminalExactlyWhenNothingFollowsAndEveryOpenOrderCanBeCancelled(WorkOrderStatus status) {
        assertEquals(status.isTerminal(), status.next().isEmpty());
        if (status.isOpen()) assertTrue(status.canMoveTo(CANCELLED));
    }
}
