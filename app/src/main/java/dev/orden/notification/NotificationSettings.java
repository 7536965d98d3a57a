package dev.orden.notification;

import dev.orden.schedule.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code orden.notifications.*}: how often a failed delivery is tried again, and where the portal's orders are. */
@ApplicationScoped
public class NotificationSettings {

    /** Attempts of one delivery before it is marked failed (a non-retryable failure stops at once). */
    @Inject
    @ConfigProperty(name = "orden.notifications.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "orden.notifications.backoff", defaultValue = "PT30S")
    Duration backoffBase;

    @Inject
    @ConfigProperty(name = "orden.notifications.backoff-max", defaultValue = "PT1H")
    Duration backoffMax;

    /** The portal's base URL; an order's page is {@code <portal-url>/workorders/<number>}. */
    @Inject
    @ConfigProperty(name = "orden.notifications.portal-url", defaultValue = "http://127.0.0.1:9080/portal")
    String portalUrl;

    public int maxAttempts() { return Math.max(1, maxAttempts); }
    public Backoff backoff() { return new Backoff(backoffBase, backoffMax); }

    String link(String number) {
        return portalUrl.replaceAll("/+$", "") + "/workorders/" + number;
    }

    /** The public rating page of a completion e-mail: {@code <portal-url>/rate/<token>}. */
    String rateLink(String token) {
        return portalUrl.replaceAll("/+$", "") + "/rate/" + token;
    }
}
