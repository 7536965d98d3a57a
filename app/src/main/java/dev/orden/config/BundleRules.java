package dev.orden.config;

import static dev.orden.shared.json.JsonReading.array;
import static dev.orden.shared.json.JsonReading.objects;
import static dev.orden.shared.json.JsonReading.string;
import static dev.orden.shared.json.JsonReading.strings;

import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the JSON Schema cannot say about a bundle's parts other than its fields: unique keys, references between
 * the parts (type → form, workflow, fields, team; form → type and the type's fields; transition → states and
 * fields; team → areas). Everything about the field definitions themselves (keys, types, patterns, ranges,
 * options, defaults, conditions, cycles) is the field engine's ({@link dev.orden.config.field.FieldDefinitionParser},
 * run by {@link BundleValidation}), so that a bundle and a work order obey one set of rules. Tolerant of a bundle
 * that also breaks the schema: what has the wrong shape is skipped here, because the schema already reports it.
 */
final class BundleRules {

    /** Work-order attributes that a transition may require besides the custom fields. */
    static final Set<String> BUILT_IN_REQUIRABLE = Set.of("assignee", "team", "area", "dueAt");

    private final JsonObject bundle;
    private final List<FieldError> errors = new ArrayList<>();

    private BundleRules(JsonObject bundle) {
        this.bundle = bundle;
    }

    static List<FieldError> check(JsonObject bundle) {
        var rules = new BundleRules(bundle);
        rules.run();
        return List.copyOf(rules.errors);
    }

    private void run() {
        var fields = keyed("fields", false);
        var types = keyed("types", true);
        var forms = keyed("forms", true);
        var workflows = keyed("workflows", true);
        var teams = keyed("teams", true);
        keyed("rules", true);
        var areas = new HashSet<String>();
        collectAreas(array(bundle, "areas"), "/areas", areas);
        checkFieldKeys();
        checkTypes(fields.keySet(), forms, workflows.keySet(), teams.keySet());
        checkForms(types, fields);
        checkWorkflows(fields.keySet());
        checkTeams(areas);
        checkRules(types.keySet());
    }

    /** A rule's types exist; a scheduled rule has a schedule and only a scheduled rule has one. */
    private void checkRules(Set<String> types) {
        objects(array(bundle, "rules")).forEach((i, rule) -> {
            var at = "/rules/" + i;
            references(array(rule, "types"), at + "/types", types, "type");
            boolean scheduled = strings(array(rule, "events")).contains("schedule");
            if (scheduled && !rule.containsKey("schedule")) {
                error(at + "/schedule", "a rule on the event 'schedule' needs a cron expression");
            } else if (!scheduled && rule.containsKey("schedule")) {
                error(at + "/schedule", "only a rule on the event 'schedule' has a schedule");
            }
        });
    }

    /** The list's entries by key (the first of each), reporting duplicates at their key when asked to. */
    private Map<String, JsonObject> keyed(String list, boolean reportDuplicates) {
        var byKey = new LinkedHashMap<String, JsonObject>();
        var entries = objects(array(bundle, list));
        for (var entry : entries.entrySet()) {
            var key = string(entry.getValue(), "key");
            if (key == null) continue;
            if (byKey.putIfAbsent(key, entry.getValue()) != null && reportDuplicates) {
                error("/" + list + "/" + entry.getKey() + "/key", "duplicate key '" + key + "'");
            }
        }
        return byKey;
    }

    /** A custom field may not take the name of a built-in attribute, which transitions can require too. */
    private void checkFieldKeys() {
        objects(array(bundle, "fields")).forEach((i, field) -> {
            var key = string(field, "key");
            if (key != null && BUILT_IN_REQUIRABLE.contains(key)) {
                error("/fields/" + i + "/key", "'" + key + "' is a built-in attribute of every work order; choose another key");
            }
        });
    }

    private void checkTypes(Set<String> fieldKeys, Map<String, JsonObject> forms, Set<String> workflows,
                            Set<String> teams) {
        objects(array(bundle, "types")).forEach((i, type) -> {
            var at = "/types/" + i;
            var key = string(type, "key");
            var workflow = string(type, "workflow");
            if (workflow != null && !workflows.contains(workflow)) {
                error(at + "/workflow", "unknown workflow '" + workflow + "'");
            }
            var form = string(type, "form");
            if (form != null) {
                if (!forms.containsKey(form)) error(at + "/form", "unknown form '" + form + "'");
                else if (key != null && !key.equals(string(forms.get(form), "type"))) {
                    error(at + "/form", "form '" + form + "' belongs to another type");
                }
            }
            var team = string(type, "defaultTeam");
            if (team != null && !teams.contains(team)) error(at + "/defaultTeam", "unknown team '" + team + "'");
            references(array(type, "fields"), at + "/fields", fieldKeys, "field");
        });
    }

    private void checkForms(Map<String, JsonObject> types, Map<String, JsonObject> fields) {
        var audiences = new HashSet<String>();
        objects(array(bundle, "forms")).forEach((i, form) -> {
            var at = "/forms/" + i;
            var typeKey = string(form, "type");
            if (typeKey == null) return;
            var type = types.get(typeKey);
            if (type == null) {
                error(at + "/type", "unknown type '" + typeKey + "'");
                return;
            }
            var audience = string(form, "audience");
            if (audience != null && !audiences.add(typeKey + "/" + audience)) {
                error(at + "/audience", "type '" + typeKey + "' already has a " + audience + " form");
            }
            var typeFields = strings(array(type, "fields"));
            objects(array(form, "sections")).forEach((j, section) ->
                    objects(array(section, "fields")).forEach((k, placed) -> {
                        var field = string(placed, "key");
                        if (field != null && !typeFields.contains(field)) {
                            error(at + "/sections/" + j + "/fields/" + k + "/key",
                                    "field '" + field + "' is not a field of type '" + typeKey + "'");
                        } else if ("requester".equals(audience) && fields.containsKey(field)
                                && fields.get(field).getBoolean("internal", false)) {
                            error(at + "/sections/" + j + "/fields/" + k + "/key", "field '" + field
                                    + "' is internal: a requester form cannot show it");
                        }
                    }));
        });
    }

    private void checkWorkflows(Set<String> fieldKeys) {
        var requirable = new HashSet<>(fieldKeys);
        requirable.addAll(BUILT_IN_REQUIRABLE);
        objects(array(bundle, "workflows")).forEach((i, workflow) -> {
            var at = "/workflows/" + i;
            var categories = new HashMap<String, String>();
            objects(array(workflow, "states")).forEach((j, state) -> {
                var key = string(state, "key");
                if (key != null && categories.putIfAbsent(key, string(state, "category")) != null) {
                    error(at + "/states/" + j + "/key", "duplicate state '" + key + "'");
                }
            });
            var states = categories.keySet();
            var initial = string(workflow, "initial");
            if (initial != null && !states.contains(initial)) error(at + "/initial", "unknown state '" + initial + "'");
            else if (initial != null && !"new".equals(categories.get(initial))) {
                error(at + "/initial", "the initial state '" + initial + "' must be of category new");
            }
            var pairs = new HashSet<String>();
            var triggers = new HashSet<String>();
            objects(array(workflow, "transitions")).forEach((j, transition) -> {
                var t = at + "/transitions/" + j;
                var from = string(transition, "from");
                var to = string(transition, "to");
                if (from != null && !states.contains(from)) error(t + "/from", "unknown state '" + from + "'");
                if (to != null && !states.contains(to)) error(t + "/to", "unknown state '" + to + "'");
                if (from != null && from.equals(to)) error(t + "/to", "a transition must change the state");
                if (from != null && to != null && !pairs.add(from + ">" + to)) {
                    error(t, "duplicate transition from '" + from + "' to '" + to + "'");
                }
                var trigger = string(transition, "trigger");
                boolean hasRoles = transition.containsKey("roles");
                if (trigger == null && !hasRoles) {
                    error(t, "give the roles that may take this transition, or a trigger that takes it");
                } else if (trigger != null && hasRoles) {
                    error(t + "/roles", "a transition taken by the trigger '" + trigger + "' has no roles");
                }
                if (trigger != null && from != null && !triggers.add(from + ">" + trigger)) {
                    error(t + "/trigger", "state '" + from + "' already has a transition on '" + trigger + "'");
                }
                references(array(transition, "requiredFields"), t + "/requiredFields", requirable, "field");
            });
        });
    }

    private void collectAreas(JsonArray areas, String at, Set<String> seen) {
        objects(areas).forEach((i, area) -> {
            var key = string(area, "key");
            if (key != null && !seen.add(key)) error(at + "/" + i + "/key", "duplicate area '" + key + "'");
            collectAreas(array(area, "children"), at + "/" + i + "/children", seen);
        });
    }

    private void checkTeams(Set<String> areas) {
        objects(array(bundle, "teams")).forEach((i, team) ->
                references(array(team, "areas"), "/teams/" + i + "/areas", areas, "area"));
    }

    private void references(JsonArray keys, String at, Set<String> known, String what) {
        if (keys == null) return;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) instanceof JsonString key && !known.contains(key.getString())) {
                error(at + "/" + i, "unknown " + what + " '" + key.getString() + "'");
            }
        }
    }

    private void error(String pointer, String message) {
        errors.add(new FieldError(pointer, message));
    }
}
