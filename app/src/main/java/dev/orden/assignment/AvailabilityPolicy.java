package dev.orden.assignment;

import dev.orden.identity.CurrentUser;
import dev.orden.shared.problem.ProblemException;

/** Who may set whose availability: everyone their own; dispatchers and admins anyone's. */
final class AvailabilityPolicy {

    private AvailabilityPolicy() {}

    static void requireCanSet(CurrentUser user, String memberId) {
        if (!user.id().equals(memberId) && !user.canAssign()) {
            throw ProblemException.forbidden("Only dispatchers and admins set another member's availability");
        }
    }
}
