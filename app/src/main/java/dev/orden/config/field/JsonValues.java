package dev.orden.config.field;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Comparisons of JSON values as a tenant means them: 1 equals 1.0, blank text is empty. */
final class JsonValues {

    private JsonValues() {}

    static boolean same(JsonValue a, JsonValue b) {
        var left = orNull(a);
        var right = orNull(b);
        if (left instanceof JsonNumber x && right instanceof JsonNumber y) {
            return x.bigDecimalValue().compareTo(y.bigDecimalValue()) == 0;
        }
        return left.equals(right);
    }

    static boolean isEmpty(JsonValue value) {
        return switch (orNull(value)) {
            case JsonString text -> text.getString().isBlank();
            case JsonArray array -> array.isEmpty();
            case JsonObject object -> object.isEmpty();
            case JsonValue other -> other.getValueType() == JsonValue.ValueType.NULL;
        };
    }

    static JsonValue orNull(JsonValue value) {
        return value == null ? JsonValue.NULL : value;
    }

    /** The JSON name of a value's type, for messages. */
    static String typeOf(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE, FALSE -> "boolean";
            default -> value.getValueType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
