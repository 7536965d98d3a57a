package dev.orden.assignment;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON as the plugin SPI's plain Java ({@code String}, {@code BigDecimal}, {@code Boolean}, {@code List}, {@code Map}). */
final class JsonData {

    private JsonData() {}

    static Object toJava(JsonValue value) {
        return switch (value) {
            case null -> null;
            case JsonString s -> s.getString();
            case JsonNumber n -> n.bigDecimalValue();
            case JsonObject o -> toJava(o);
            case JsonArray a -> {
                var list = new ArrayList<>();
                a.forEach(item -> list.add(toJava(item)));
                yield Collections.unmodifiableList(list);
            }
            default -> switch (value.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                default -> null;
            };
        };
    }

    static Map<String, Object> toJava(JsonObject object) {
        var map = new LinkedHashMap<String, Object>();
        object.forEach((k, v) -> map.put(k, toJava(v)));
        return map;
    }

    static String string(JsonObject object, String name) {
        return object != null && object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    static JsonObject object(JsonObject object, String name) {
        return object != null && object.get(name) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    static List<JsonObject> objects(JsonObject object, String name) {
        return object != null && object.get(name) instanceof JsonArray a
                ? a.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList()
                : List.of();
    }

    /** The strings of an array member (or of a single string), in order, once each. */
    static Set<String> strings(JsonObject object, String name) {
        var values = new LinkedHashSet<String>();
        var value = object == null ? null : object.get(name);
        if (value instanceof JsonString s) values.add(s.getString());
        if (value instanceof JsonArray a) {
            a.forEach(item -> {
                if (item instanceof JsonString s) values.add(s.getString());
            });
        }
        return values;
    }
}
