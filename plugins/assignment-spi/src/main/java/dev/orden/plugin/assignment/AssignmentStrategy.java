package dev.orden.plugin.assignment;

import dev.orden.plugin.spi.Provider;

/**
 * Picks the agent an order goes to. Called inside the change that assigns the order (one tenant, one transaction),
 * so it must be quick and must not call out to other systems. The host checks the choice: it must be one of the
 * request's candidates and available, or the order is left unassigned.
 */
public interface AssignmentStrategy extends Provider {

    /** The chosen agent with the reason shown in the order's history, or {@link Choice#none} with why not. */
    Choice choose(AssignmentRequest request);
}
