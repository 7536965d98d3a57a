package dev.orden.config.field;

/** What the validator needs to know about the tenant. */
public interface ValidationContext {

    /** Whether the id names a member of the tenant to whom work can be assigned. */
    boolean isAssignableUser(String id);
}
