package dev.orden.ratelimit;

import java.time.Duration;

/**
 * Every rate limit of the server, with its key and its default: a token bucket of {@code capacity} requests (the
 * burst) refilled with {@code refill} per {@code period}. Each is read from MicroProfile Config as
 * {@code orden.rate-limit.<name>.capacity|refill|period|concurrent|enabled} (e.g. {@code ORDEN_RATE_LIMIT_TENANT_API_CAPACITY});
 * a per-tenant limit may be set for one tenant as {@code orden.rate-limit.<name>.tenant.<slug>.…}.
 */
public enum RateLimit {
    /** Company sign-up, valid or not: neither a flood of Keycloak nor a probe of which slugs and e-mails exist. */
    SIGNUP("signup", Per.CLIENT_ADDRESS, new Limit(true, 10, 10, Duration.ofHours(1))),
    /** The rating link's API: a guess at tokens costs a request each. */
    CSAT_LINK("csat-link", Per.CLIENT_ADDRESS, new Limit(true, 30, 30, Duration.ofMinutes(1))),
    /** The other unauthenticated reads (the portal's sign-in settings, the configuration's JSON Schemas). */
    PUBLIC("public", Per.CLIENT_ADDRESS, new Limit(true, 300, 300, Duration.ofMinutes(1))),
    /** Rule dry-runs and runs of a scheduled rule on demand: each may evaluate hundreds of orders. */
    RULE_RUNS("rule-runs", Per.TENANT, new Limit(true, 30, 30, Duration.ofMinutes(1))),
    /**
     * Every authenticated API request of one tenant, so that one tenant cannot starve the others: a rate, and at most
     * 10 of its requests in progress at once (a replica's database pool has 20 connections).
     */
    TENANT_API("tenant-api", Per.TENANT, new Limit(true, 100, 50, Duration.ofSeconds(1), 10));

    /** What a limit counts by. */
    public enum Per { CLIENT_ADDRESS, TENANT }

    private final String key;
    private final Per per;
    private final Limit defaults;

    RateLimit(String key, Per per, Limit defaults) {
        this.key = key;
        this.per = per;
        this.defaults = defaults;
    }

    public String key() {
        return key;
    }

    public Per per() {
        return per;
    }

    public Limit defaults() {
        return defaults;
    }
}
