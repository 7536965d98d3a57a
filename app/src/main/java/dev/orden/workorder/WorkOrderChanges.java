package dev.orden.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The validated fields of a merge patch. An empty outer {@code Optional} leaves the field alone; for clearable
 * fields the inner one empty means "clear it"
 * ({@code visit}: both {@code scheduledStart} and {@code scheduledEnd}).
 */
record WorkOrderChanges(Optional<String> title, Optional<Optional<String>> description, Optional<String> type,
                        Optional<Priority> priority, Optional<Optional<String>> area,
                        Optional<Optional<Instant>> dueAt, Optional<String> customFields,
                        List<CustomFieldChange> customFieldChanges, Optional<Optional<Visit>> visit) {

    /** A change that leaves the visit alone. */
    WorkOrderChanges(Optional<String> title, Optional<Optional<String>> description, Optional<String> type,
                     Optional<Priority> priority, Optional<Optional<String>> area, Optional<Optional<Instant>> dueAt,
                     Optional<String> customFields, List<CustomFieldChange> customFieldChanges) {
        this(title, description, type, priority, area, dueAt, customFields, customFieldChanges, Optional.empty());
    }

    record CustomFieldChange(String key, String oldValue, String newValue) {}
}
