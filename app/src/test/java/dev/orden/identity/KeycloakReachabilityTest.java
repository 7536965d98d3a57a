package dev.orden.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeycloakReachabilityTest {

    @Test
    void anOutageStartsAtItsFirstFailureAndEndsAtTheFirstAnswer() {
        var reachability = new KeycloakReachability();
        assertFalse(reachability.seenOnce(), "a server that never reached Keycloak has no keys");
        assertEquals(Optional.empty(), reachability.unreachableSince());

        reachability.reached();
        reachability.unreachable();
        var since = reachability.unreachableSince().orElseThrow();
        reachability.unreachable();
        assertEquals(since, reachability.unreachableSince().orElseThrow(), "later failures keep the start");
        assertTrue(reachability.seenOnce());

        reachability.reached();
        assertEquals(Optional.empty(), reachability.unreachableSince());
        reachability.unreachable();
        assertFalse(since.isAfter(reachability.unreachableSince().orElseThrow()), "a new outage, a new start");
    }
}
