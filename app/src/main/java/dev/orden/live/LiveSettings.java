package dev.orden.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Live tracking's limits ({@code orden.live.*}); every one is per server. */
@ApplicationScoped
public class LiveSettings {

    @Inject
    @ConfigProperty(name = "orden.live.heartbeat", defaultValue = "PT15S")
    Duration heartbeat;

    @Inject
    @ConfigProperty(name = "orden.live.max-streams-per-user", defaultValue = "5")
    int maxStreamsPerUser;

    @Inject
    @ConfigProperty(name = "orden.live.replay-window", defaultValue = "PT5M")
    Duration replayWindow;

    @Inject
    @ConfigProperty(name = "orden.live.replay-size", defaultValue = "500")
    int replaySize;

    @Inject
    @ConfigProperty(name = "orden.live.max-pending", defaultValue = "256")
    int maxPending;

    /** How often a comment line keeps idle streams open through proxies (and finds closed ones). */
    public Duration heartbeat() {
        return heartbeat;
    }

    /** Open streams one user may hold on one server; one more is a 429. */
    public int maxStreamsPerUser() {
        return maxStreamsPerUser;
    }

    /** How far back {@code Last-Event-ID} resumes: this long, and at most this many changes per tenant. */
    public Duration replayWindow() {
        return replayWindow;
    }

    public int replaySize() {
        return replaySize;
    }

    /** Events queued for one stream that its client has not taken yet; beyond it the stream is closed. */
    public int maxPending() {
        return maxPending;
    }
}
