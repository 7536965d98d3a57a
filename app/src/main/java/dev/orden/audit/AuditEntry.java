package dev.orden.audit;

import jakarta.json.JsonObject;
import java.time.Instant;

/** One stored entry of the audit log, as the API shows it. */
public record AuditEntry(long id, Instant at, String actorId, String actorName, String action, String targetType,
                         String targetId, String targetName, String summary, JsonObject diff) {}
