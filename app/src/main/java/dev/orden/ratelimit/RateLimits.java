package dev.orden.ratelimit;

import io.github.bucket4j.TimeMeter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's rate limits ({@link RateLimit}); each replica counts on its own, so the effective limit of a cluster
 * is the configured one times the replicas (docs/scaling.md).
 */
@ApplicationScoped
public class RateLimits {

    private Limiter limiter;

    @PostConstruct
    void init() {
        var config = ConfigProvider.getConfig();
        limiter = new Limiter(name -> config.getOptionalValue(name, String.class), TimeMeter.SYSTEM_NANOTIME);
    }

    /**
     * Counts one more request of {@code key} in progress; a {@link RateLimited} 429 when its cap is reached. The
     * permit must be released when the request is answered.
     */
    public InFlight.Permit enter(RateLimit limit, String key) {
        return limiter.enter(limit, key).orElseThrow(() -> RateLimited.inProgress(limit));
    }

    /** Counts one request of {@code key} against {@code limit}; a {@link RateLimited} 429 when there is none left. */
    public void acquire(RateLimit limit, String key) {
        long retryAfter = limiter.take(limit, key);
        if (retryAfter > 0) throw new RateLimited(limit, retryAfter);
    }
}
