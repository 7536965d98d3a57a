package dev.orden.assignment;

import dev.orden.plugin.assignment.OrderFacts;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One declarative assignment rule of {@code assignment.json}: when a new order matches {@code when}, it goes where
 * {@code then} says — a team, a person (by e-mail) and/or a strategy. Every condition given must hold; within a
 * condition, any listed value will do; a rule without conditions matches every order.
 */
record AssignmentRule(String key, String name, Match when, Route then) {

    /**
     * {@code types}, {@code priorities}; {@code areas}: the order's area or one of its ancestors is listed;
     * {@code keywords}: one of them is in the title or description (whole words, no case, no accents);
     * {@code fieldValues}: each named custom field holds one of its listed values (a multiselect: one of its items does).
     */
    record Match(Set<String> types, Set<String> priorities, Set<String> areas, List<String> keywords,
                 Map<String, Set<String>> fields) {

        boolean matches(OrderFacts order) {
            return (types.isEmpty() || types.contains(order.type()))
                    && (priorities.isEmpty() || priorities.contains(order.priority()))
                    && (areas.isEmpty() || order.areaPath().stream().anyMatch(areas::contains))
                    && (keywords.isEmpty() || Keywords.any(text(order), keywords))
                    && fields.entrySet().stream().allMatch(f -> order.values(f.getKey()).stream()
                            .anyMatch(f.getValue()::contains));
        }

        private static String text(OrderFacts order) {
            return order.title() + " " + (order.description() == null ? "" : order.description());
        }
    }

    /** Where a matching order goes; {@code assignee} is an e-mail. */
    record Route(String team, String assignee, String strategy) {}

    static List<AssignmentRule> of(JsonObject assignment) {
        return JsonData.objects(assignment, "rules").stream().filter(r -> JsonData.string(r, "key") != null)
                .map(AssignmentRule::rule).toList();
    }

    private static AssignmentRule rule(JsonObject rule) {
        var key = JsonData.string(rule, "key");
        var name = JsonData.string(rule, "name");
        var when = JsonData.object(rule, "when");
        var then = JsonData.object(rule, "then");
        var priorities = new LinkedHashSet<String>();
        JsonData.strings(when, "priorities").forEach(p -> priorities.add(p.toUpperCase(Locale.ROOT)));
        var match = new Match(JsonData.strings(when, "types"), priorities, JsonData.strings(when, "areas"),
                List.copyOf(JsonData.strings(when, "keywords")), fields(JsonData.object(when, "fieldValues")));
        var assignee = JsonData.string(then, "assignee");
        return new AssignmentRule(key, name != null ? name : key, match, new Route(JsonData.string(then, "team"),
                assignee == null ? null : assignee.strip().toLowerCase(Locale.ROOT), JsonData.string(then, "strategy")));
    }

    private static Map<String, Set<String>> fields(JsonObject fields) {
        var expected = new LinkedHashMap<String, Set<String>>();
        fields.forEach((key, value) -> {
            var texts = new LinkedHashSet<String>();
            if (value instanceof JsonArray items) items.forEach(item -> scalar(item, texts));
            else scalar(value, texts);
            expected.put(key, texts);
        });
        return expected;
    }

    /** As {@link OrderFacts#values} writes a value, so that 3 and 3.0 are the same. */
    private static void scalar(JsonValue value, Set<String> into) {
        switch (value) {
            case JsonString s -> into.add(s.getString());
            case JsonNumber n -> into.add(n.bigDecimalValue().stripTrailingZeros().toPlainString());
            default -> {
                if (value.getValueType() == JsonValue.ValueType.TRUE) into.add("true");
                if (value.getValueType() == JsonValue.ValueType.FALSE) into.add("false");
            }
        }
    }
}
