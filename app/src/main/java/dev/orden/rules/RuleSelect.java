package dev.orden.rules;

import dev.orden.config.workflow.StateCategory;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The orders a scheduled rule runs on, once each per run (a rule's {@code select}): orders in these state
 * {@code categories} (default: still to be done — new, open, pending), of these {@code types} (default: the rule's
 * own {@code types}, else all), created at least {@code olderThanHours} before the run's time (default: any age),
 * the oldest first, at most {@code limit} (default and maximum 500).
 */
public record RuleSelect(Set<StateCategory> categories, Set<String> types, Integer olderThanHours, int limit) {

    public static final int MAX_LIMIT = 500;

    public RuleSelect {
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        types = Set.copyOf(types);
    }

    /** Read from a bundle the schema has checked; what does not fit is left at its default. */
    public static RuleSelect of(JsonObject select) {
        var categories = EnumSet.noneOf(StateCategory.class);
        strings(select.get("category")).forEach(key -> StateCategory.byKey(key).ifPresent(categories::add));
        if (categories.isEmpty()) categories.addAll(EnumSet.of(StateCategory.NEW, StateCategory.OPEN, StateCategory.PENDING));
        Integer olderThan = select.get("olderThanHours") instanceof JsonNumber n ? n.intValue() : null;
        int limit = select.get("limit") instanceof JsonNumber n ? Math.clamp(n.longValue(), 1, MAX_LIMIT) : MAX_LIMIT;
        return new RuleSelect(categories, strings(select.get("types")), olderThan, limit);
    }

    /** The types it selects: its own, else the rule's (empty: every type). */
    public Set<String> typesOr(Set<String> ruleTypes) {
        return types.isEmpty() ? ruleTypes : types;
    }

    private static Set<String> strings(JsonValue value) {
        var result = new LinkedHashSet<String>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> {
                if (v instanceof JsonString s) result.add(s.getString());
            });
        }
        return result;
    }
}
