package dev.orden.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** One limit's buckets, one per key (a client address, a tenant), made on first use. */
final class KeyedBuckets {

    /** Beyond this many keys, buckets that are full again are dropped: a full bucket is the same as a new one. */
    static final int PRUNE_ABOVE = 10_000;

    private record Entry(Bucket bucket, long capacity) {}

    private final ConcurrentHashMap<String, Entry> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    KeyedBuckets(TimeMeter time) {
        this.time = time;
    }

    /**
     * Takes one token from {@code key}'s bucket (made with {@code limitOf(key)} the first time): 0 when the request
     * may go on, else the whole seconds after which a token will be there (rounded up, at least 1).
     */
    long take(String key, Function<String, Limit> limitOf) {
        var entry = buckets.get(key);
        if (entry == null) {
            var limit = limitOf.apply(key);
            if (!limit.enabled()) return 0;
            if (buckets.size() >= PRUNE_ABOVE) prune();
            entry = buckets.computeIfAbsent(key, k -> new Entry(limit.newBucket(time), limit.capacity()));
        }
        var probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return 0;
        return Math.max(1, (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1)
                / TimeUnit.SECONDS.toNanos(1));
    }

    int size() {
        return buckets.size();
    }

    private void prune() {
        buckets.values().removeIf(e -> e.bucket().getAvailableTokens() >= e.capacity());
    }
}
