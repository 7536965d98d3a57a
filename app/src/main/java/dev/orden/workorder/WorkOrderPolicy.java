package dev.orden.workorder;

import dev.orden.identity.CurrentUser;
import dev.orden.shared.problem.ProblemException;

/**
 * Who may do what to a work order. Staff (agents, dispatchers, admins) see and work all of their tenant's orders;
 * only dispatchers and admins assign, while any staff may transfer (with a reason); requesters see and comment on only their own. Who may take a transition is
 * the workflow's to say ({@link WorkOrderLifecycle}), within what the caller may see.
 * An order the caller may not see does not exist for them (404), like another tenant's.
 */
final class WorkOrderPolicy {

    private WorkOrderPolicy() {}

    static boolean canSee(CurrentUser user, WorkOrder order) {
        return user.isStaff() || order.requesterId().equals(user.id());
    }

    static void requireVisible(CurrentUser user, WorkOrder order, String reference) {
        if (!canSee(user, order)) throw ProblemException.notFound("Work order " + reference);
    }

    static boolean seesInternal(CurrentUser user) {
        return user.isStaff();
    }

    static void requireCanUpdate(CurrentUser user) {
        if (!user.isStaff()) throw ProblemException.forbidden("Only agents, dispatchers and admins edit work orders");
    }

    static void requireCanAssign(CurrentUser user) {
        if (!user.canAssign()) throw ProblemException.forbidden("Only dispatchers and admins assign work orders");
    }

    /** Staff transfer (an agent hands on an order that belongs elsewhere, with the reason); requesters do not. */
    static void requireCanTransfer(CurrentUser user) {
        if (!user.isStaff()) throw ProblemException.forbidden("Only agents, dispatchers and admins transfer work orders");
    }

    static void requireCanComment(CurrentUser user, Visibility visibility) {
        if (visibility == Visibility.INTERNAL && !user.isStaff()) {
            throw ProblemException.forbidden("Only staff write internal comments");
        }
    }

    static void requireCanCreateFor(CurrentUser user, String requesterId) {
        if (requesterId != null && !requesterId.equals(user.id()) && !user.isStaff()) {
            throw ProblemException.forbidden("Requesters create orders only for themselves");
        }
    }
}
