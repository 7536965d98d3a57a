package dev.orden.workorder;

import java.util.EnumSet;
import java.util.Set;

/**
 * The default lifecycle, until tenants configure their own workflows: {@code NEW} (pending assignment) →
 * {@code ASSIGNED} → {@code IN_PROGRESS} ⇄ {@code ON_HOLD} → {@code RESOLVED} (completed) → {@code CLOSED};
 * {@code CANCELLED} from any open state; a resolved order can be reopened.
 */
public enum WorkOrderStatus {
    NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELLED;

    public Set<WorkOrderStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(CANCELLED);
            case ASSIGNED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(ON_HOLD, RESOLVED, CANCELLED);
            case ON_HOLD -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
            case CLOSED, CANCELLED -> EnumSet.noneOf(WorkOrderStatus.class);
        };
    }

    public boolean canMoveTo(WorkOrderStatus target) {
        return next().contains(target);
    }

    /** Open orders still need work and can be (re)assigned. */
    public boolean isOpen() {
        return this == NEW || this == ASSIGNED || this == IN_PROGRESS || this == ON_HOLD;
    }

    public boolean isTerminal() {
        return this == CLOSED || this == CANCELLED;
    }
}
