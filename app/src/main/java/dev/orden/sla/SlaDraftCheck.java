package dev.orden.sla;

import dev.orden.config.DraftCheck;
import dev.orden.shared.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the schema cannot say about the {@code sla} part: zones and holidays that exist, hours that end after they
 * start, types that exist, a type timed by one calendar only, unique calendar keys, one target per type and priority.
 */
@ApplicationScoped
class SlaDraftCheck implements DraftCheck {

    @Override
    public List<FieldError> check(JsonObject bundle) {
        return problems(bundle);
    }

    static List<FieldError> problems(JsonObject bundle) {
        var errors = new ArrayList<FieldError>();
        if (!(bundle.get("sla") instanceof JsonArray calendars)) return errors;
        var types = new HashSet<String>();
        if (bundle.get("types") instanceof JsonArray list) {
            list.stream().filter(JsonObject.class::isInstance).forEach(t -> types.add(((JsonObject) t).getString("key", "")));
        }
        var keys = new HashSet<String>();
        var timedBy = new HashMap<String, String>();
        for (int i = 0; i < calendars.size(); i++) {
            if (!(calendars.get(i) instanceof JsonObject calendar)) continue;
            var at = "/sla/" + i;
            if (calendar.get("key") instanceof JsonString key && !keys.add(key.getString())) {
                errors.add(new FieldError(at + "/key", "duplicate calendar key '" + key.getString() + "'"));
            }
            if (calendar.get("zone") instanceof JsonString zone) {
                try {
                    ZoneId.of(zone.getString());
                } catch (DateTimeException e) {
                    errors.add(new FieldError(at + "/zone", "unknown time zone '" + zone.getString() + "'"));
                }
            }
            checkHours(calendar, at, errors);
            checkHolidays(calendar, at, errors);
            strings(calendar.get("types")).forEach((j, type) -> {
                if (!types.contains(type)) errors.add(new FieldError(at + "/types/" + j, "unknown type '" + type + "'"));
                var other = timedBy.putIfAbsent(type, calendar.getString("key", ""));
                if (other != null) {
                    errors.add(new FieldError(at + "/types/" + j, "type '" + type + "' is already timed by calendar '" + other + "'"));
                }
            });
            checkTargets(calendar, at, types, errors);
        }
        return errors;
    }

    private static void checkHours(JsonObject calendar, String at, List<FieldError> errors) {
        objects(calendar.get("hours")).forEach((j, hours) -> {
            var from = hours.getString("from", "");
            var to = hours.getString("to", "");
            if (!from.isEmpty() && !to.isEmpty() && to.compareTo(from) <= 0) {
                errors.add(new FieldError(at + "/hours/" + j + "/to", "hours must end after they start (" + from + ")"));
            }
        });
    }

    private static void checkHolidays(JsonObject calendar, String at, List<FieldError> errors) {
        strings(calendar.get("holidays")).forEach((j, day) -> {
            try {
                LocalDate.parse(day);
            } catch (DateTimeException e) {
                errors.add(new FieldError(at + "/holidays/" + j, "not a date: '" + day + "'"));
            }
        });
    }

    private static void checkTargets(JsonObject calendar, String at, Set<String> types, List<FieldError> errors) {
        var seen = new HashSet<String>();
        objects(calendar.get("targets")).forEach((j, target) -> {
            var type = target.getString("type", "");
            if (!types.contains(type)) {
                errors.add(new FieldError(at + "/targets/" + j + "/type", "unknown type '" + type + "'"));
            }
            if (!seen.add(type + "/" + target.getString("priority", "*"))) {
                errors.add(new FieldError(at + "/targets/" + j, "a second target for type '" + type + "' and priority "
                        + target.getString("priority", "(any)")));
            }
        });
    }

    private static java.util.SortedMap<Integer, JsonObject> objects(JsonValue value) {
        var map = new java.util.TreeMap<Integer, JsonObject>();
        if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) if (array.get(i) instanceof JsonObject o) map.put(i, o);
        }
        return map;
    }

    private static java.util.SortedMap<Integer, String> strings(JsonValue value) {
        var map = new java.util.TreeMap<Integer, String>();
        if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) if (array.get(i) instanceof JsonString s) map.put(i, s.getString());
        }
        return map;
    }
}
