package dev.orden.config;

import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * A version became a tenant's active configuration (sign-up, publish, rollback): fired synchronously inside that
 * transaction, with the tenant bound, so observers (the scheduled rules' jobs) change with it or not at all.
 */
public record ConfigurationActivated(UUID tenantId, int version, JsonObject bundle) {}
