package dev.orden.audit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plugins (server SPI implementations, built in or from a jar) a configuration bundle turns on for its tenant,
 * named {@code <kind>/<id>}: assignment strategies ({@code assignment.json} {@code strategies[].key}), notification
 * channels used by any event ({@code notifications.json} {@code events.*[].channels}), and a {@code plugins} part
 * if the bundle has one (an array of ids, or an object of id → true/false or {enabled}).
 */
final class PluginSelection {

    private PluginSelection() {}

    static Set<String> enabled(JsonObject bundle) {
        var out = new TreeSet<String>();
        if (bundle.get("assignment") instanceof JsonObject assignment
                && assignment.get("strategies") instanceof JsonArray strategies) {
            for (var strategy : strategies) {
                if (strategy instanceof JsonObject s && s.get("key") instanceof JsonString key) {
                    out.add("assignment-strategy/" + key.getString());
                }
            }
        }
        if (bundle.get("notifications") instanceof JsonObject notifications
                && notifications.get("events") instanceof JsonObject events) {
            for (var routes : events.values()) {
                if (!(routes instanceof JsonArray list)) continue;
                for (var route : list) {
                    if (route instanceof JsonObject r) {
                        AuditDiffs.strings(r.get("channels")).forEach(c -> out.add("notification-channel/" + c));
                    }
                }
            }
        }
        out.addAll(pluginsPart(bundle.get("plugins")));
        return out;
    }

    private static Set<String> pluginsPart(JsonValue plugins) {
        var out = new TreeSet<String>();
        if (plugins instanceof JsonArray array) {
            AuditDiffs.strings(array).forEach(p -> out.add("plugin/" + p));
        } else if (plugins instanceof JsonObject object) {
            object.forEach((id, value) -> {
                boolean on = value == JsonValue.TRUE
                        || value instanceof JsonObject o && o.getBoolean("enabled", true);
                if (on) out.add("plugin/" + id);
            });
        }
        return out;
    }
}
