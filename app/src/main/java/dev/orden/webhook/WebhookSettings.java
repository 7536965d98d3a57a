package dev.orden.webhook;

import dev.orden.schedule.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code orden.webhooks.*}: how deliveries are sent, retried and given up on, and which receivers are allowed. */
@ApplicationScoped
public class WebhookSettings {

    /** Receivers on loopback, private or link-local addresses; off in production (SSRF), on for dev and tests. */
    @Inject
    @ConfigProperty(name = "orden.webhooks.allow-private-addresses", defaultValue = "false")
    boolean allowPrivateAddresses;

    @Inject
    @ConfigProperty(name = "orden.webhooks.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    /** The whole exchange, from connecting to the end of the response. */
    @Inject
    @ConfigProperty(name = "orden.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    // The retry budget is looked up at every attempt, so that an operator can widen it for a receiver's planned
    // outage with a server.xml <variable> (configDropins) and no restart, as WebhookOutageIT does. Looked up with
    // explicit defaults: an injected Provider loses its defaultValue once a dynamic value is gone again.
    @Inject
    Config config;

    /**
     * The AES key (base64, 16 or 32 bytes) the signing secrets are encrypted with in the database. The default is
     * for development only: production sets its own (ORDEN_WEBHOOKS_SECRET_KEY).
     */
    @Inject
    @ConfigProperty(name = "orden.webhooks.secret-key", defaultValue = "b3JkZW4tZGV2LXdlYmhvb2stc2VjcmV0LWtleS0zMmI=")
    String secretKey;

    /** How long the previous signing secret keeps signing after a rotation. */
    @Inject
    @ConfigProperty(name = "orden.webhooks.rotation-overlap", defaultValue = "PT24H")
    Duration rotationOverlap;

    public boolean allowPrivateAddresses() { return allowPrivateAddresses; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration timeout() { return timeout; }
    public int maxAttempts() { return Math.max(1, value("max-attempts", Integer.class, 10)); }
    public Backoff backoff() {
        return new Backoff(value("backoff", Duration.class, Duration.ofSeconds(30)),
                value("backoff-max", Duration.class, Duration.ofHours(6)));
    }
    /** Deliveries given up on in a row after which the webhook is disabled. */
    public int disableAfter() { return Math.max(1, value("disable-after", Integer.class, 10)); }
    public String secretKey() { return secretKey; }
    public Duration rotationOverlap() { return rotationOverlap; }

    private <T> T value(String key, Class<T> type, T fallback) {
        return config.getOptionalValue("orden.webhooks." + key, type).orElse(fallback);
    }
}
