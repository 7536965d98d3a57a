package dev.orden.schedule;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * A job as its claimer holds it: what to do ({@code kind}, {@code key}, {@code payload}), for which tenant and due
 * time, the how-many-th attempt this is, the lease token that proves the claim is still this server's, and the
 * {@code progress} an earlier attempt checkpointed (null at the start).
 */
public record Job(UUID tenantId, UUID id, String kind, String key, String spec, JsonObject payload, Instant dueAt,
                  int attempts, UUID leaseToken, JsonObject progress) {}
