package dev.orden.workorder;

import dev.orden.identity.CurrentUser;

/** {@link WorkOrderPolicy}'s answer to who may hear of an order and of its internal entries, outside this package. */
public final class WorkOrderAudience {

    private WorkOrderAudience() {}

    public static boolean sees(CurrentUser user, WorkOrder order) {
        return WorkOrderPolicy.canSee(user, order);
    }

    public static boolean seesInternal(CurrentUser user) {
        return WorkOrderPolicy.seesInternal(user);
    }
}
