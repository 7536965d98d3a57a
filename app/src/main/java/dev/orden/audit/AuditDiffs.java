package dev.orden.audit;

import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.TreeSet;

/** Diffs as the audit log keeps them. */
public final class AuditDiffs {

    private AuditDiffs() {}

    /**
     * What turns configuration bundle {@code before} into {@code after}: the RFC 6902 {@code patch} and the
     * {@code parts} (top-level files such as {@code teams} or {@code rules}) it touches.
     */
    public static JsonObject configuration(JsonObject before, JsonObject after) {
        var patch = Json.createDiff(before, after).toJsonArray();
        var parts = Json.createArrayBuilder();
        changedParts(patch).forEach(parts::add);
        return Json.createObjectBuilder().add("parts", parts).add("patch", patch).build();
    }

    /** The top-level members a JSON Patch touches, sorted. */
    static Set<String> changedParts(JsonArray patch) {
        var parts = new TreeSet<String>();
        for (var op : patch.getValuesAs(JsonObject.class)) {
            var path = op.getString("path", "");
            var segments = path.split("/", 3);
            if (segments.length > 1) parts.add(segments[1].replace("~1", "/").replace("~0", "~"));
        }
        return parts;
    }

    /**
     * The diff itself when its JSON text fits in {@code maxChars}; otherwise the same object with a patch's ops
     * reduced to {@code op} and {@code path} (and {@code truncated: true}), or, still too large, only its parts.
     */
    static JsonObject bounded(JsonObject diff, int maxChars) {
        if (diff.toString().length() <= maxChars) return diff;
        var slim = Json.createObjectBuilder(diff).add("truncated", true);
        if (diff.get("patch") instanceof JsonArray patch) {
            var paths = Json.createArrayBuilder();
            patch.getValuesAs(JsonObject.class).forEach(op -> paths.add(Json.createObjectBuilder()
                    .add("op", op.getString("op", "")).add("path", op.getString("path", ""))));
            slim.add("patch", paths);
            var reduced = slim.build();
            if (reduced.toString().length() <= maxChars) return reduced;
            return Json.createObjectBuilder().add("truncated", true)
                    .add("parts", diff.getOrDefault("parts", JsonValue.EMPTY_JSON_ARRAY)).build();
        }
        return Json.createObjectBuilder().add("truncated", true).add("size", diff.toString().length()).build();
    }

    /** The text values of a JSON array, skipping anything else. */
    static Set<String> strings(JsonValue value) {
        var out = new TreeSet<String>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> {
                if (v instanceof JsonString s) out.add(s.getString());
            });
        }
        return out;
    }
}
