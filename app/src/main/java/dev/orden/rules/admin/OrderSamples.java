package dev.orden.rules.admin;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The caller's tenant's work orders as flow rules see them, for a dry run; implemented by the work-order feature,
 * so that rules know nothing of its classes. Each call reads in a transaction of its own and writes nothing.
 */
public interface OrderSamples {

    /** An order: its id and number (null for one given in a request), its type, and its JSON as a rule gets it. */
    record Sample(String id, String number, String type, JsonObject order) {}

    /** The order named by {@code reference} (its id, {@code WO-12} or {@code 12}); empty when the tenant has none. */
    Optional<Sample> find(String reference);

    /** The tenant's {@code count} most recently created orders, newest first. */
    List<Sample> latest(int count);
}
