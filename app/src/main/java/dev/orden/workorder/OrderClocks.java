package dev.orden.workorder;

import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An order's SLA clocks as its view shows them, owned here and implemented by {@code dev.orden.sla}, which follows
 * orders through {@link WorkOrderChanged}: the work-order feature never calls into the SLA one.
 */
public interface OrderClocks {

    /** The order's clocks; empty when it has none. */
    Optional<JsonObject> of(UUID orderId);

    /** The clocks of several orders in one read (a page of the list); orders without clocks are absent. */
    Map<UUID, JsonObject> of(Collection<UUID> orderIds);
}
