package dev.orden.config.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a workflow state means to Orden, whatever the tenant calls it. States are data; the code branches only on
 * these categories: {@code new} (pending assignment), {@code open} (being worked), {@code pending} (waiting on
 * someone else), {@code resolved} (completed, may be reopened or confirmed), {@code closed} (done for good).
 */
public enum StateCategory {
    NEW, OPEN, PENDING, RESOLVED, CLOSED;

    /** The name used in bundles and in the API. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StateCategory> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst();
    }

    /** Still to be done: the order can be assigned, transferred and reminded about. */
    public boolean isActive() {
        return this == NEW || this == OPEN || this == PENDING;
    }
}
