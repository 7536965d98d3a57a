package dev.orden.reminder;

import java.util.Arrays;
import java.util.Optional;

/** What a reminder is about; {@code notification} is the kind its recipients see in their inbox. */
public enum ReminderKind {
    ASSIGNED("assigned", "reminder_assigned"),
    DUE_SOON("due_soon", "reminder_due_soon"),
    OVERDUE("overdue", "reminder_overdue"),
    UNASSIGNED_TIMEOUT("unassigned", "unassigned_timeout"),
    /** Set by a flow rule's {@code remind} effect. */
    RULE("remind", "reminder");

    private final String key;
    private final String notification;

    ReminderKind(String key, String notification) {
        this.key = key;
        this.notification = notification;
    }

    /** Its part of a job key and of the de-duplication record. */
    public String key() {
        return key;
    }

    public String notification() {
        return notification;
    }

    static Optional<ReminderKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
