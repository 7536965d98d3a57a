package dev.orden.webhook;

import dev.orden.schedule.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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

    @Inject
    @ConfigProperty(name = "orden.webhooks.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "orden.webhooks.backoff", defaultValue = "PT30S")
    Duration backoffBase;

    @Inject
    @ConfigProperty(name = "orden.webhooks.backoff-max", defaultValue = "PT6H")
    Duration backoffMax;

    /** Deliveries given up on in a row after which the webhook is disabled. */
    @Inject
    @ConfigProperty(name = "orden.webhooks.disable-after", defaultValue = "10")
    int disableAfter;

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
    public int maxAttempts() { return Math.max(1, maxAttempts); }
    public Backoff backoff() { return new Backoff(backoffBase, backoffMax); }
    public int disableAfter() { return Math.max(1, disableAfter); }
    public String secretKey() { return secretKey; }
    public Duration rotationOverlap() { return rotationOverlap; }
}
