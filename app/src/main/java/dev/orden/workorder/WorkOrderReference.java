package dev.orden.workorder;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How clients name an order in a path: its id, or its number as shown ({@code WO-1042}, {@code INC-7}: the prefix,
 * in any case, must be the order's) or bare ({@code 1042}).
 */
sealed interface WorkOrderReference {

    Pattern NUMBER = Pattern.compile("(?:([A-Za-z]{1,6})-)?(\\d{1,18})");

    Optional<WorkOrder> find(WorkOrderRepository repository);

    record ById(UUID id) implements WorkOrderReference {
        public Optional<WorkOrder> find(WorkOrderRepository repository) {
            return repository.find(id);
        }
    }

    /** {@code prefix} upper-cased, or null when the number came bare. */
    record ByNumber(long number, String prefix) implements WorkOrderReference {
        public Optional<WorkOrder> find(WorkOrderRepository repository) {
            return repository.findByNumber(number).filter(o -> prefix == null || o.numberPrefix().equals(prefix));
        }
    }

    /** Anything else names no order at all. */
    record Nothing() implements WorkOrderReference {
        public Optional<WorkOrder> find(WorkOrderRepository repository) {
            return Optional.empty();
        }
    }

    static WorkOrderReference parse(String reference) {
        var number = NUMBER.matcher(reference);
        if (number.matches()) {
            var prefix = number.group(1) == null ? null : number.group(1).toUpperCase(java.util.Locale.ROOT);
            return new ByNumber(Long.parseLong(number.group(2)), prefix);
        }
        try {
            return new ById(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            return new Nothing();
        }
    }
}
