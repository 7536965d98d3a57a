package dev.orden.config.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An event that takes a workflow transition by itself, instead of a person. */
public enum Trigger {
    /** The order gets an assignee while in the transition's {@code from} state. */
    ASSIGNED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Trigger> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }
}
