package dev.orden.config;

import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the JSON Schema cannot say about a bundle: unique keys, references between its parts (type → form,
 * workflow, fields, team; form → type and the type's fields; transition → states and fields; team → areas), and
 * ranges that must be ordered. Tolerant of a bundle that also breaks the schema: what has the wrong shape is
 * skipped here, because the schema already reports it.
 */
final class BundleRules {

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
        var fields = keyed("fields");
        var types = keyed("types");
        var forms = keyed("forms");
        var workflows = keyed("workflows");
        var teams = keyed("teams");
        var areas = new HashSet<String>();
        collectAreas(array(bundle, "areas"), "/areas", areas);
        checkFields(fields.keySet());
        checkTypes(fields.keySet(), forms, workflows.keySet(), teams.keySet());
        checkForms(types);
        checkWorkflows(fields.keySet());
        checkTeams(areas);
    }

    /** The list's entries by key, reporting duplicates at their key. */
    private Map<String, JsonObject> keyed(String list) {
        var byKey = new LinkedHashMap<String, JsonObject>();
        var entries = objects(array(bundle, list));
        for (var entry : entries.entrySet()) {
            var key = string(entry.getValue(), "key");
            if (key == null) continue;
            if (byKey.putIfAbsent(key, entry.getValue()) != null) {
                error("/" + list + "/" + entry.getKey() + "/key", "duplicate key '" + key + "'");
            }
        }
        return byKey;
    }

    private void checkFields(Set<String> fieldKeys) {
        objects(array(bundle, "fields")).forEach((i, field) -> {
            var at = "/fields/" + i;
            var pattern = string(field, "pattern");
            if (pattern != null) {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    error(at + "/pattern", "is not a valid regular expression");
                }
            }
            ordered(field, at, "minLength", "maxLength");
            ordered(field, at, "min", "max");
            ordered(field, at, "minItems", "maxItems");
            var values = new HashSet<String>();
            objects(array(field, "options")).forEach((j, option) -> {
                var value = string(option, "value");
                if (value != null && !values.add(value)) {
                    error(at + "/options/" + j + "/value", "duplicate option '" + value + "'");
                }
            });
            for (var conditionName : List.of("visibleWhen", "requiredWhen")) {
                if (field.get(conditionName) instanceof JsonObject condition) {
                    checkCondition(condition, at + "/" + conditionName, fieldKeys, string(field, "key"));
                }
            }
        });
    }

    private void checkCondition(JsonObject condition, String at, Set<String> fieldKeys, String self) {
        var field = string(condition, "field");
        if (field != null) {
            if (!fieldKeys.contains(field)) error(at + "/field", "unknown field '" + field + "'");
            else if (field.equals(self)) error(at + "/field", "a field cannot depend on itself");
        }
        for (var group : List.of("all", "any")) {
            objects(array(condition, group)).forEach((i, inner) ->
                    checkCondition(inner, at + "/" + group + "/" + i, fieldKeys, self));
        }
        if (condition.get("not") instanceof JsonObject inner) checkCondition(inner, at + "/not", fieldKeys, self);
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

    private void checkForms(Map<String, JsonObject> types) {
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
                        }
                    }));
        });
    }

    private void checkWorkflows(Set<String> fieldKeys) {
        objects(array(bundle, "workflows")).forEach((i, workflow) -> {
            var at = "/workflows/" + i;
            var states = new HashSet<String>();
            objects(array(workflow, "states")).forEach((j, state) -> {
                var key = string(state, "key");
                if (key != null && !states.add(key)) {
                    error(at + "/states/" + j + "/key", "duplicate state '" + key + "'");
                }
            });
            var initial = string(workflow, "initial");
            if (initial != null && !states.contains(initial)) error(at + "/initial", "unknown state '" + initial + "'");
            var pairs = new HashSet<String>();
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
                references(array(transition, "requiredFields"), t + "/requiredFields", fieldKeys, "field");
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

    private void ordered(JsonObject object, String at, String low, String high) {
        if (object.get(low) instanceof jakarta.json.JsonNumber l && object.get(high) instanceof jakarta.json.JsonNumber h
                && l.bigDecimalValue().compareTo(h.bigDecimalValue()) > 0) {
            error(at + "/" + low, "must not be greater than " + high);
        }
    }

    private void error(String pointer, String message) {
        errors.add(new FieldError(pointer, message));
    }

    private static JsonArray array(JsonObject object, String name) {
        return object != null && object.get(name) instanceof JsonArray array ? array : null;
    }

    /** The array's objects by index (other entries skipped: the schema reports them). */
    private static Map<Integer, JsonObject> objects(JsonArray array) {
        var byIndex = new LinkedHashMap<Integer, JsonObject>();
        if (array == null) return byIndex;
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonObject object) byIndex.put(i, object);
        }
        return byIndex;
    }

    private static Set<String> strings(JsonArray array) {
        var values = new HashSet<String>();
        if (array != null) for (JsonValue v : array) if (v instanceof JsonString s) values.add(s.getString());
        return values;
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
