package dev.orden.config;

import static dev.orden.shared.json.JsonReading.array;
import static dev.orden.shared.json.JsonReading.objects;
import static dev.orden.shared.json.JsonReading.string;

import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the schema cannot say about {@code assignment.json}: unique strategy, agent and rule keys; the default
 * strategy and every rule's strategy are enabled ones; agents are team members; the areas, types, fields and teams
 * named exist; a rule's person is a member of its team (of some team without one). Whether the strategies are
 * installed and their settings right is checked where the plugins are known ({@link DraftCheck}s).
 */
final class AssignmentBundleRules {

    private final JsonObject bundle;
    private final List<FieldError> errors = new ArrayList<>();

    private AssignmentBundleRules(JsonObject bundle) {
        this.bundle = bundle;
    }

    static List<FieldError> check(JsonObject bundle) {
        if (!(bundle.get("assignment") instanceof JsonObject assignment)) return List.of();
        var rules = new AssignmentBundleRules(bundle);
        rules.run(assignment);
        return List.copyOf(rules.errors);
    }

    private void run(JsonObject assignment) {
        var strategies = unique(array(assignment, "strategies"), "/assignment/strategies", "key", "strategy");
        var fallback = string(assignment, "defaultStrategy");
        if (fallback != null && !strategies.contains(fallback)) {
            error("/assignment/defaultStrategy", "'" + fallback + "' is not one of the enabled strategies");
        }
        var members = members();
        var areas = areas();
        unique(array(assignment, "agents"), "/assignment/agents", "email", "agent");
        objects(array(assignment, "agents")).forEach((i, agent) -> {
            var at = "/assignment/agents/" + i;
            var email = string(agent, "email");
            if (email != null && members.values().stream().noneMatch(m -> m.contains(lower(email)))) {
                error(at + "/email", "'" + email + "' is not a member of any team");
            }
            known(array(agent, "areas"), at + "/areas", areas, "area");
        });
        unique(array(assignment, "rules"), "/assignment/rules", "key", "rule");
        objects(array(assignment, "rules")).forEach((i, rule) ->
                checkRule(rule, "/assignment/rules/" + i, strategies, members, areas));
    }

    private void checkRule(JsonObject rule, String at, Set<String> strategies, Map<String, Set<String>> members,
                           Set<String> areas) {
        var when = rule.get("when") instanceof JsonObject w ? w : JsonObject.EMPTY_JSON_OBJECT;
        known(array(when, "types"), at + "/when/types", keys("types"), "type");
        known(array(when, "areas"), at + "/when/areas", areas, "area");
        var fields = keys("fields");
        if (when.get("fieldValues") instanceof JsonObject values) {
            values.keySet().stream().filter(key -> !fields.contains(key)).forEach(key ->
                    error(at + "/when/fieldValues/" + key.replace("~", "~0").replace("/", "~1"),
                            "unknown field '" + key + "'"));
        }
        if (!(rule.get("then") instanceof JsonObject then)) return;
        var team = string(then, "team");
        if (team != null && !members.containsKey(team)) error(at + "/then/team", "unknown team '" + team + "'");
        var strategy = string(then, "strategy");
        if (strategy != null && !strategies.contains(strategy)) {
            error(at + "/then/strategy", "'" + strategy + "' is not one of the enabled strategies");
        }
        var assignee = string(then, "assignee");
        if (assignee != null) {
            var pool = team != null ? members.getOrDefault(team, Set.of())
                    : members.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            if (!pool.contains(lower(assignee))) {
                error(at + "/then/assignee", "'" + assignee + "' is not a member of "
                        + (team != null ? "team '" + team + "'" : "any team"));
            }
        }
    }

    /** The values of {@code member} in the list's objects, reporting the second of each at its pointer. */
    private Set<String> unique(JsonArray list, String at, String member, String what) {
        var seen = new HashSet<String>();
        objects(list).forEach((i, item) -> {
            var value = string(item, member);
            if (value != null && !seen.add(member.equals("email") ? lower(value) : value)) {
                error(at + "/" + i + "/" + member, "duplicate " + what + " '" + value + "'");
            }
        });
        return seen;
    }

    private void known(JsonArray values, String at, Set<String> known, String what) {
        if (values == null) return;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof JsonString s && !known.contains(s.getString())) {
                error(at + "/" + i, "unknown " + what + " '" + s.getString() + "'");
            }
        }
    }

    /** Each team's members' e-mails (lower case), by team key. */
    private Map<String, Set<String>> members() {
        var members = new HashMap<String, Set<String>>();
        objects(array(bundle, "teams")).values().forEach(team -> {
            var key = string(team, "key");
            if (key == null) return;
            var emails = members.computeIfAbsent(key, k -> new HashSet<>());
            var list = array(team, "members");
            if (list != null) list.forEach(m -> {
                if (m instanceof JsonString s) emails.add(lower(s.getString()));
            });
        });
        return members;
    }

    private Set<String> areas() {
        var keys = new HashSet<String>();
        collectAreas(array(bundle, "areas"), keys);
        return keys;
    }

    private static void collectAreas(JsonArray areas, Set<String> keys) {
        objects(areas).values().forEach(area -> {
            var key = string(area, "key");
            if (key != null) keys.add(key);
            collectAreas(array(area, "children"), keys);
        });
    }

    private Set<String> keys(String part) {
        var keys = new HashSet<String>();
        objects(array(bundle, part)).values().forEach(item -> {
            var key = string(item, "key");
            if (key != null) keys.add(key);
        });
        return keys;
    }

    private void error(String pointer, String message) {
        errors.add(new FieldError(pointer, message));
    }

    private static String lower(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
