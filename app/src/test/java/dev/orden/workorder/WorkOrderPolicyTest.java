package dev.orden.workorder;

import static dev.orden.workorder.Fixtures.problem;
import static dev.orden.workorder.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.identity.CurrentUser;
import dev.orden.identity.Role;
import dev.orden.shared.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkOrderPolicyTest {

    /** Rita (req-1) requested the fixture order. */
    private static final WorkOrder RITAS_ORDER = Fixtures.open();

    private static CurrentUser as(Role role, String id) {
        return user(id, role);
    }

    private static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        } catch (dev.orden.shared.problem.ProblemException e) {
            assertEquals(ProblemType.FORBIDDEN.status(), e.problem().status(), e.problem().toString());
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // role,        sees others', updates, assigns, internal comments
            "TENANT_ADMIN,  true,         true,    true,    true",
            "DISPATCHER,    true,         true,    true,    true",
            "AGENT,         true,         true,    false,   true",
            "REQUESTER,     false,        false,   false,   false"})
    void roleMatrix(Role role, boolean seesOthers, boolean updates, boolean assigns, boolean internal) {
        var someoneElse = as(role, "other-1");
        var rita = as(role, "req-1");
        assertTrue(WorkOrderPolicy.canSee(rita, RITAS_ORDER), "everyone sees their own");
        assertEquals(seesOthers, WorkOrderPolicy.canSee(someoneElse, RITAS_ORDER), "sees others'");
        assertEquals(updates, allowed(() -> WorkOrderPolicy.requireCanUpdate(someoneElse)), "update");
        assertEquals(assigns, allowed(() -> WorkOrderPolicy.requireCanAssign(someoneElse)), "assign");
        assertEquals(internal, allowed(() -> WorkOrderPolicy.requireCanComment(someoneElse, Visibility.INTERNAL)),
                "internal comment");
        assertEquals(internal, WorkOrderPolicy.seesInternal(someoneElse), "sees internal");
        assertTrue(allowed(() -> WorkOrderPolicy.requireCanComment(someoneElse, Visibility.PUBLIC)), "public comment");
        assertEquals(seesOthers, allowed(() -> WorkOrderPolicy.requireCanCreateFor(someoneElse, "req-1")),
                "create for someone else");
        assertTrue(allowed(() -> WorkOrderPolicy.requireCanCreateFor(rita, "req-1")), "create for oneself");
        assertTrue(allowed(() -> WorkOrderPolicy.requireCanCreateFor(someoneElse, null)), "create, nobody named");
    }

    @Test
    void aUserWithoutRolesIsTreatedAsARequester() {
        var nobody = user("req-1");
        assertTrue(WorkOrderPolicy.canSee(nobody, RITAS_ORDER));
        assertFalse(WorkOrderPolicy.canSee(user("x"), RITAS_ORDER));
        assertFalse(allowed(() -> WorkOrderPolicy.requireCanUpdate(nobody)));
    }

    @Test
    void anInvisibleOrderIsNotFoundRatherThanForbidden() {
        var problem = problem(ProblemType.NOT_FOUND,
                () -> WorkOrderPolicy.requireVisible(user("x", Role.REQUESTER), RITAS_ORDER, "WO-42"));
        assertEquals("Work order WO-42 not found", problem.detail());
        assertDoesNotThrow(() -> WorkOrderPolicy.requireVisible(user("req-1", Role.REQUESTER), RITAS_ORDER, "WO-42"));
        assertDoesNotThrow(() -> WorkOrderPolicy.requireVisible(user("x", Role.AGENT), RITAS_ORDER, "WO-42"));
    }
}
