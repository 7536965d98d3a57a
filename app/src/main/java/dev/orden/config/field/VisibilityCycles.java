package dev.orden.config.field;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds fields whose visibility depends, through other fields, on itself. Only visibleWhen counts: a field's value
 * is read as empty while the field is hidden, so visibility recurses, whereas requiredWhen only reads values
 * ("fill both or neither" is a legitimate requiredWhen loop).
 */
final class VisibilityCycles {

    private final Map<String, FieldDefinition> byKey = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final List<String> path = new ArrayList<>();
    private final Map<String, String> pointerByKey;
    private final List<DefinitionError> errors;

    private VisibilityCycles(List<FieldDefinition> fields, Map<String, String> pointerByKey,
            List<DefinitionError> errors) {
        fields.forEach(field -> byKey.put(field.key(), field));
        this.pointerByKey = pointerByKey;
        this.errors = errors;
    }

    static void report(List<FieldDefinition> fields, Map<String, String> pointerByKey, List<DefinitionError> errors) {
        var cycles = new VisibilityCycles(fields, pointerByKey, errors);
        fields.forEach(field -> cycles.visit(field.key()));
    }

    private void visit(String key) {
        if (finished.contains(key) || !byKey.containsKey(key)) {
            return;
        }
        path.add(key);
        var condition = byKey.get(key).visibleWhen();
        for (var next : condition == null ? Set.<String>of() : new TreeSet<>(condition.fields())) {
            if (path.contains(next)) {
                reportCycle(key, next);
            } else {
                visit(next);
            }
        }
        path.removeLast();
        finished.add(key);
    }

    private void reportCycle(String key, String next) {
        var cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
        cycle.add(next);
        errors.add(new DefinitionError(pointerByKey.get(key) + "/visibleWhen",
                "visibility forms a cycle: " + String.join(" -> ", cycle)));
    }
}
