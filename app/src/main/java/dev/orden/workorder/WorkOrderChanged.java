package dev.orden.workorder;

import java.util.List;
import java.util.UUID;

/**
 * One change to a work order, fired (CDI) as its history entries are stored, for observers that act once it is
 * committed ({@code during = AFTER_SUCCESS}): live tracking. {@code order} is the managed instance, so that an
 * observer after the commit reads the committed version.
 */
public record WorkOrderChanged(UUID tenantId, WorkOrder order, List<WorkOrderEvent> entries) {

    public WorkOrderChanged {
        entries = List.copyOf(entries);
    }
}
