package dev.orden.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The buckets of every {@link RateLimit}, with their settings read once from the configuration. */
final class Limiter {

    static final String PREFIX = "orden.rate-limit.";

    private final Function<String, Optional<String>> config;
    private final Map<RateLimit, Limit> limits = new EnumMap<>(RateLimit.class);
    private final Map<RateLimit, KeyedBuckets> buckets = new EnumMap<>(RateLimit.class);
    private final Map<RateLimit, InFlight> inFlight = new EnumMap<>(RateLimit.class);
    /** A tenant's own settings, read the first time its bucket is made (tenants are few, addresses are not). */
    private final ConcurrentHashMap<String, Limit> tenantLimits = new ConcurrentHashMap<>();

    Limiter(Function<String, Optional<String>> config, TimeMeter time) {
        this.config = config;
        for (var limit : RateLimit.values()) {
            limits.put(limit, Limit.read(config, PREFIX + limit.key(), limit.defaults()));
            buckets.put(limit, new KeyedBuckets(time));
            inFlight.put(limit, new InFlight());
        }
    }

    /** 0 when {@code key} may make one more request under {@code limit}, else the seconds to wait. */
    long take(RateLimit limit, String key) {
        return buckets.get(limit).take(key, k -> limitFor(limit, k));
    }

    /**
     * A permit for one more request of {@code key} in progress under {@code limit}'s cap (a no-op one when there is no
     * cap), or empty when that many are in progress already.
     */
    Optional<InFlight.Permit> enter(RateLimit limit, String key) {
        var settings = limitFor(limit, key);
        if (!settings.enabled() || settings.concurrent() == 0) return Optional.of(InFlight.Permit.NONE);
        return inFlight.get(limit).enter(key, settings.concurrent());
    }

    Limit limitFor(RateLimit limit, String key) {
        if (limit.per() != RateLimit.Per.TENANT) return limits.get(limit);
        return tenantLimits.computeIfAbsent(limit.key() + " " + key,
                k -> Limit.read(config, PREFIX + limit.key() + ".tenant." + key, limits.get(limit)));
    }
}
