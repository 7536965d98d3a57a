package dev.orden.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether this server reaches Keycloak, as its last call or key-set probe found. An outage is a degradation, not
 * a failure: tokens already issued keep being validated with the keys mpJwt has cached, so only what needs Keycloak
 * itself (sign-up, invitations, member changes) is refused, with a 503 (docs/reliability.md).
 */
@ApplicationScoped
public class KeycloakReachability {

    private final AtomicReference<Instant> unreachableSince = new AtomicReference<>();
    private volatile boolean seenOnce;

    /** Keycloak answered (whatever it said). */
    public void reached() {
        seenOnce = true;
        unreachableSince.set(null);
    }

    /** Keycloak could not be reached; the outage's start is kept until it answers again. */
    public void unreachable() {
        unreachableSince.compareAndSet(null, Instant.now());
    }

    /** Since when Keycloak is unreachable; empty while it answers. */
    public Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince.get());
    }

    /** Whether Keycloak answered at least once since this server started. */
    public boolean seenOnce() {
        return seenOnce;
    }
}
