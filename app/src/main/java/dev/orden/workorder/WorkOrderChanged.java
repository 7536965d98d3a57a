package dev.orden.workorder;

import java.util.List;

/**
 * Fired (synchronously, inside the change's transaction) when history entries of an order are recorded, so that
 * other features — notifications — can react in the same transaction without the work-order code knowing them.
 */
public record WorkOrderChanged(WorkOrder order, List<WorkOrderEvent> events) {}
