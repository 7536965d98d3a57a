package dev.orden.shared.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;

/** Lenient reads of configuration JSON that a schema already checked: what has another shape reads as absent. */
public final class JsonReading {

    private JsonReading() {}

    /** The strings of an array, in order, without repeats; none when it is no array. */
    public static Set<String> strings(JsonValue value) {
        var result = new LinkedHashSet<String>();
        if (value instanceof JsonArray array) {
            array.forEach(item -> {
                if (item instanceof JsonString s) result.add(s.getString());
            });
        }
        return result;
    }

    /** The member {@code name} when it is an array, else null (also for a null object). */
    public static JsonArray array(JsonObject object, String name) {
        return object != null && object.get(name) instanceof JsonArray array ? array : null;
    }

    /** The array's objects by index, other entries skipped (the schema reports them); none for null. */
    public static java.util.Map<Integer, JsonObject> objects(JsonArray array) {
        var byIndex = new java.util.LinkedHashMap<Integer, JsonObject>();
        if (array == null) return byIndex;
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonObject object) byIndex.put(i, object);
        }
        return byIndex;
    }

    /** The member {@code name} when it is a string, else null. */
    public static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
