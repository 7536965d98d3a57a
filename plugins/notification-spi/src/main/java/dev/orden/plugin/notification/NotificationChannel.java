package dev.orden.plugin.notification;

import dev.orden.plugin.spi.Provider;

/**
 * Takes one message to its recipient. Called by the scheduler, off the request path, once per attempt; a deferred
 * channel may be called again for the same message after a retryable failure (or after a crash mid-send), so a
 * receiver should treat {@link NotificationMessage#deliveryId()} as an idempotency key.
 */
public interface NotificationChannel extends Provider {

    /** {@link DeliveryResult#delivered()}, or {@link DeliveryResult#failed} saying why and whether to try again. */
    DeliveryResult deliver(NotificationMessage message);
}
