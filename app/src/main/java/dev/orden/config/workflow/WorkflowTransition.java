package dev.orden.config.workflow;

import java.util.List;
import java.util.Set;

/**
 * A move from one state to another. Either people with one of {@code roles} take it, or Orden takes it on its
 * {@code trigger}. {@code requiredFields} name custom fields of the order's type or the built-in attributes
 * {@code assignee}, {@code team}, {@code area} and {@code dueAt}, each of which must hold a value for the move.
 */
public record WorkflowTransition(String from, String to, Set<String> roles, Trigger trigger, boolean requireComment,
                                 List<String> requiredFields) {

    public WorkflowTransition {
        roles = Set.copyOf(roles);
        requiredFields = List.copyOf(requiredFields);
    }

    /** Taken by a person, not by a trigger. */
    public boolean isManual() {
        return trigger == null;
    }

    /** Whether a person holding {@code roleNames} may take it. */
    public boolean allows(Set<String> roleNames) {
        return isManual() && roleNames.stream().anyMatch(roles::contains);
    }
}
