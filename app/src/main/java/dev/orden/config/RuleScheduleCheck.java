package dev.orden.config;

import dev.orden.schedule.Cron;
import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a scheduled rule's descriptor must hold beyond its schema: a {@code schedule} that parses as a cron
 * expression (the presence rules are {@link BundleRules}'), and a {@code select} only on a scheduled rule, naming
 * types the bundle has. Tolerant of shapes the schema already reports.
 */
final class RuleScheduleCheck {

    private RuleScheduleCheck() {}

    static List<FieldError> check(JsonObject bundle) {
        if (!(bundle.get("rules") instanceof JsonArray rules)) return List.of();
        var errors = new ArrayList<FieldError>();
        var types = typeKeys(bundle);
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof JsonObject rule)) continue;
            var at = "/rules/" + i;
            if (rule.get("schedule") instanceof JsonString cron) {
                try {
                    Cron.parse(cron.getString());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(at + "/schedule", e.getMessage()));
                }
            }
            if (rule.get("select") instanceof JsonObject select) {
                if (!scheduled(rule)) {
                    errors.add(new FieldError(at + "/select", "only a rule on the event 'schedule' selects orders"));
                }
                if (select.get("types") instanceof JsonArray selected) {
                    for (int j = 0; j < selected.size(); j++) {
                        if (selected.get(j) instanceof JsonString type && !types.contains(type.getString())) {
                            errors.add(new FieldError(at + "/select/types/" + j, "unknown type '" + type.getString() + "'"));
                        }
                    }
                }
            }
        }
        return errors;
    }

    private static boolean scheduled(JsonObject rule) {
        return rule.get("events") instanceof JsonArray events
                && events.stream().anyMatch(e -> e instanceof JsonString s && s.getString().equals("schedule"));
    }

    private static Set<String> typeKeys(JsonObject bundle) {
        var keys = new HashSet<String>();
        if (bundle.get("types") instanceof JsonArray types) {
            types.forEach(t -> {
                if (t instanceof JsonObject type && type.get("key") instanceof JsonString key) keys.add(key.getString());
            });
        }
        return keys;
    }
}
