package dev.orden.plugin.notification;

import java.util.Objects;

/**
 * What became of one attempt: delivered, or failed with the reason (shown in the tenant's delivery log) and whether
 * a later attempt may succeed ({@code retryable}: a server down, a timeout) or not (no address, a refused recipient).
 */
public record DeliveryResult(boolean isDelivered, String reason, boolean retryable) {

    private static final DeliveryResult DELIVERED = new DeliveryResult(true, null, false);

    public DeliveryResult {
        if (!isDelivered) Objects.requireNonNull(reason, "a failure always says why");
    }

    public static DeliveryResult delivered() {
        return DELIVERED;
    }

    public static DeliveryResult failed(String reason, boolean retryable) {
        return new DeliveryResult(false, reason, retryable);
    }
}
