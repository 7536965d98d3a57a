package dev.orden.porting;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (CDI) when a tenant's data leaves or enters Orden in bulk: {@code action} is {@code export},
 * {@code import} (a whole tenant), {@code import.workorders} or {@code import.members}; {@code count} is the orders
 * (or people) it carried. The hook for the tenant audit log: observe it to record who did what, when.
 */
public record DataPorted(UUID tenantId, String actorId, String actorName, String action, long count, Instant at) {}
