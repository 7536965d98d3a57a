package dev.orden.config;

import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of an object's members in a file: the order in which the JSON Schemas declare properties ({@code key}
 * first, {@code es} before {@code en}, {@code from} before {@code to}), members the schemas do not name last, as they
 * came. A bundle read back from the database (jsonb) has lost the order it was written in; files written from it in
 * this order read like the repository's instead of shuffled.
 */
final class MemberOrder {

    /** Every property name, each after the ones declared before it in some schema object. */
    private static final Map<String, Integer> RANK = rank(ConfigSchemas.texts());

    private MemberOrder() {}

    static JsonValue canonical(JsonValue value) {
        return switch (value) {
            case JsonObject object -> {
                var names = new ArrayList<>(object.keySet());
                names.sort(Comparator.comparingInt(name -> RANK.getOrDefault(name, Integer.MAX_VALUE)));
                var ordered = Json.createObjectBuilder();
                names.forEach(name -> ordered.add(name, canonical(object.get(name))));
                yield ordered.build();
            }
            case JsonArray array -> {
                var ordered = Json.createArrayBuilder();
                array.forEach(item -> ordered.add(canonical(item)));
                yield ordered.build();
            }
            default -> value;
        };
    }

    /** Names in an order that keeps every schema's declaration order (Kahn's sort, ties by first appearance). */
    private static Map<String, Integer> rank(Iterable<String> schemas) {
        var declared = new ArrayList<List<String>>();
        for (var text : schemas) {
            try (var reader = Json.createReader(new StringReader(text))) {
                collect(reader.readValue(), declared);
            }
        }
        var names = new LinkedHashSet<String>();
        var after = new HashMap<String, Set<String>>();
        var before = new HashMap<String, Integer>();
        for (var list : declared) {
            names.addAll(list);
            for (int i = 1; i < list.size(); i++) {
                if (after.computeIfAbsent(list.get(i - 1), k -> new LinkedHashSet<>()).add(list.get(i))) {
                    before.merge(list.get(i), 1, Integer::sum);
                }
            }
        }
        var rank = new LinkedHashMap<String, Integer>();
        var ready = new ArrayList<>(names.stream().filter(n -> !before.containsKey(n)).toList());
        var firstSeen = List.copyOf(names);
        while (!ready.isEmpty()) {
            ready.sort(Comparator.comparingInt(firstSeen::indexOf));
            var name = ready.removeFirst();
            rank.put(name, rank.size());
            for (var next : after.getOrDefault(name, Set.of())) {
                if (before.merge(next, -1, Integer::sum) == 0) ready.add(next);
            }
        }
        for (var name : names) rank.putIfAbsent(name, rank.size()); // a cycle between schemas: first seen, first
        return Map.copyOf(rank);
    }

    private static void collect(JsonValue schema, List<List<String>> declared) {
        if (schema instanceof JsonObject object) {
            if (object.get("properties") instanceof JsonObject properties) {
                declared.add(List.copyOf(properties.keySet()));
            }
            object.values().forEach(value -> collect(value, declared));
        } else if (schema instanceof JsonArray array) {
            array.forEach(value -> collect(value, declared));
        }
    }
}
