package dev.orden.schedule;

import java.util.UUID;

/** What a claim returns: which job of which tenant, and the token of this claim's lease. Nothing of the job itself. */
public record ClaimedJob(UUID tenantId, UUID id, UUID leaseToken) {}
