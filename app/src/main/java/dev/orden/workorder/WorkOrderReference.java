package dev.orden.workorder;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** How clients name an order in a path: its id, or its number as shown ({@code WO-1042}) or bare ({@code 1042}). */
sealed interface WorkOrderReference {

    Pattern NUMBER = Pattern.compile("(?i)(?:" + WorkOrder.NUMBER_PREFIX + ")?(\\d{1,18})");

    Optional<WorkOrder> find(WorkOrderRepository repository);

    record ById(UUID id) implements WorkOrderReference {
        public Optional<WorkOrder> find(WorkOrderRepository repository) {
            return repository.find(id);
        }
    }

    record ByNumber(long number) implements WorkOrderReference {
        public Optional<WorkOrder> find(WorkOrderRepository repository) {
            return repository.findByNumber(number);
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
        if (number.matches()) return new ByNumber(Long.parseLong(number.group(1)));
        try {
            return new ById(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            return new Nothing();
        }
    }
}
