package dev.orden.workorder;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * A flow-rule effect a feature outside the order delivers (a webhook, …): a CDI bean per effect type, called in
 * the change's transaction with the order the rule ran on (null for a scheduled rule that selects no orders). It
 * checks the effect and, if it holds, does it then.
 */
public interface HostEffect {

    String type();

    /** Does the effect of rule {@code rule} (its key); the reason it is refused, or empty when done. */
    Optional<String> apply(JsonObject effect, WorkOrder order, String rule);
}
