package dev.orden.tenant;

import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most {@code orden.signup.rate-limit} sign-up attempts per client address per window, valid or not, so the
 * endpoint can be used neither to flood Keycloak nor to probe which slugs and e-mails exist.
 */
@ApplicationScoped
public class SignupRateLimiter {

    private record Window(Instant start, int attempts) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "orden.signup.rate-limit", defaultValue = "10")
    int limit;

    @Inject
    @ConfigProperty(name = "orden.signup.rate-window", defaultValue = "PT1H")
    Duration window;

    public void acquire(String clientAddress) {
        var now = Instant.now();
        var current = windows.compute(clientAddress, (address, w) ->
                w == null || !now.isBefore(w.start().plus(window)) ? new Window(now, 1)
                        : new Window(w.start(), w.attempts() + 1));
        if (current.attempts() > limit) {
            var remaining = Duration.between(now, current.start().plus(window));
            // Rounded up: coming back after Retry-After seconds must land after the window, not just before it.
            long retryAfter = Math.max(1, remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0));
            throw new RateLimited(retryAfter);
        }
        if (windows.size() > 10_000) windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().start().plus(window)));
    }

    /** A 429 that says when to come back. */
    public static final class RateLimited extends ProblemException {
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super(Problem.of(ProblemType.RATE_LIMITED, "Too many sign-up attempts from your address; try again in "
                    + retryAfterSeconds + " s"));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
