package dev.orden.reminder;

import dev.orden.config.workflow.StateCategory;
import dev.orden.config.workflow.Trigger;
import dev.orden.config.workflow.Workflow;

/**
 * Whether an assigned order is still "unstarted" for the assignment reminder. The categories alone cannot say it:
 * the default workflow moves an order from {@code NEW} (category {@code new}) to {@code ASSIGNED} by its
 * {@code assigned} trigger, and {@code ASSIGNED} is an {@code open} state like {@code IN_PROGRESS}. So an order is
 * unstarted while it is in a state of category {@code new}, or in a state the workflow's {@code assigned} trigger
 * leads to: nobody has moved it on by hand since it was assigned.
 */
final class Unstarted {

    private Unstarted() {}

    static boolean is(Workflow workflow, String status, StateCategory category) {
        return category == StateCategory.NEW || workflow.transitions().stream()
                .anyMatch(t -> t.trigger() == Trigger.ASSIGNED && t.to().equals(status));
    }
}
