package dev.orden.rules.admin;

import dev.orden.config.ConfigSchemas;
import dev.orden.rules.RuleDefinition;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A dry run as asked: draft rules (items of a bundle's {@code rules}, {@code key} optional), the orders to try them
 * on — one {@code order} (a stored one named by its {@code id} alone, or an order written out) or the tenant's
 * {@code lastOrders} — and optionally the {@code event} (else each rule's first) and the {@code change} the event
 * is about. Every mistake is told at once, at its JSON pointer into the request.
 */
record DryRunRequest(List<RuleDefinition> rules, Orders orders, String event, JsonObject change) {

    static final int MAX_LAST_ORDERS = 500;

    /** Which orders to try the rules on. */
    sealed interface Orders {}

    /** A stored order of the tenant, by id or number. */
    record Stored(String reference) implements Orders {}

    /** An order written out in the request, as a rule would see it. */
    record Given(JsonObject order) implements Orders {}

    /** The tenant's most recently created orders. */
    record Latest(int count) implements Orders {}

    static DryRunRequest of(JsonObject body) {
        var errors = new ArrayList<FieldError>();
        var rules = rules(body.get("rules"), errors);
        var orders = orders(body, errors);
        var event = body.get("event");
        if (event != null && !(event instanceof JsonString)) errors.add(new FieldError("/event", "must be an event name"));
        if (event instanceof JsonString name && !rules.isEmpty()
                && rules.stream().noneMatch(rule -> rule.events().contains(name.getString()))) {
            errors.add(new FieldError("/event", "no rule here runs on '" + name.getString() + "'"));
        }
        var change = body.get("change");
        if (change != null && !(change instanceof JsonObject)) errors.add(new FieldError("/change", "must be an object"));
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new DryRunRequest(rules, orders, event instanceof JsonString name ? name.getString() : null,
                change instanceof JsonObject object ? object : null);
    }

    /** The rules, read when they pass their schema (a rule without a key is {@code rule1}, {@code rule2}, …). */
    private static List<RuleDefinition> rules(JsonValue value, List<FieldError> errors) {
        if (!(value instanceof JsonArray given) || given.isEmpty()) {
            errors.add(new FieldError("/rules", "give the rules to try, a non-empty array"));
            return List.of();
        }
        var keyed = Json.createArrayBuilder();
        for (int i = 0; i < given.size(); i++) {
            keyed.add(given.get(i) instanceof JsonObject rule && !rule.containsKey("key")
                    ? Json.createObjectBuilder(rule).add("key", "rule" + (i + 1)).build() : given.get(i));
        }
        var rules = keyed.build();
        var violations = ConfigSchemas.ruleViolations(rules.toString());
        if (!violations.isEmpty()) {
            errors.addAll(violations);
            return List.of();
        }
        var definitions = rules.getValuesAs(JsonObject.class).stream()
                .map(rule -> RuleDefinition.draft(rule).orElseThrow()).toList();
        var keys = new HashSet<String>();
        for (int i = 0; i < definitions.size(); i++) {
            if (!keys.add(definitions.get(i).key())) {
                errors.add(new FieldError("/rules/" + i + "/key", "another rule has the key '"
                        + definitions.get(i).key() + "'"));
            }
        }
        return definitions;
    }

    private static Orders orders(JsonObject body, List<FieldError> errors) {
        var order = body.get("order");
        var last = body.get("lastOrders");
        if (order != null && last != null) {
            errors.add(new FieldError("/lastOrders", "give order or lastOrders, not both"));
        } else if (order instanceof JsonObject object) {
            return order(object, errors);
        } else if (order != null) {
            errors.add(new FieldError("/order", "must be an order, or {\"id\": …} naming a stored one"));
        } else if (last instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 1
                && n.longValue() <= MAX_LAST_ORDERS) {
            return new Latest(n.intValue());
        } else if (last != null) {
            errors.add(new FieldError("/lastOrders", "must be a whole number from 1 to " + MAX_LAST_ORDERS));
        } else {
            errors.add(new FieldError("/order", "give an order (or {\"id\": …} of a stored one) or lastOrders"));
        }
        return null;
    }

    private static Orders order(JsonObject order, List<FieldError> errors) {
        if (!order.containsKey("id")) return new Given(order);
        if (order.size() == 1 && order.get("id") instanceof JsonString id && !id.getString().isBlank()) {
            return new Stored(id.getString());
        }
        errors.add(new FieldError("/order/id", "a stored order is named by its id (or number) alone; leave id out "
                + "to try an order written out"));
        return null;
    }
}
