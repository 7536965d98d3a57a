package dev.orden.config.field;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Reads a list of field definitions, reporting every problem at once with its JSON pointer. A document reads as
 * {@code {"fields": [...]}}, so pointers look like {@code /fields/3/options/0/value}.
 */
public final class FieldDefinitionParser {

    static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    private FieldDefinitionParser() {}

    public static ParseResult parse(JsonObject document) {
        if (!(document.get("fields") instanceof JsonArray fields)) {
            return new ParseResult(List.of(), List.of(new DefinitionError("/fields", "must be an array of fields")));
        }
        var errors = new ArrayList<DefinitionError>();
        new PropertyReader(document, "", errors).rejectUnknown(List.of("$schema", "fields"));
        var result = parse(fields, "/fields");
        errors.addAll(result.errors());
        return errors.isEmpty() ? result : new ParseResult(List.of(), errors);
    }

    /** Reads the definitions of an array found at {@code pointer}. */
    public static ParseResult parse(JsonArray fields, String pointer) {
        var errors = new ArrayList<DefinitionError>();
        var pointerByKey = keysOf(fields, pointer, errors);
        var definitions = new ArrayList<FieldDefinition>();
        var comparisons = new ArrayList<Comparison>();
        for (int i = 0; i < fields.size(); i++) {
            var definition = new FieldReader(pointerByKey.keySet(), errors, comparisons)
                    .read(fields.get(i), pointer + "/" + i);
            if (definition != null) {
                definitions.add(definition);
            }
        }
        VisibilityCycles.report(definitions, pointerByKey, errors);
        var byKey = definitions.stream()
                .collect(Collectors.toMap(FieldDefinition::key, Function.identity(), (first, duplicate) -> first));
        ComparisonCheck.report(comparisons, byKey, errors);
        return errors.isEmpty() ? new ParseResult(definitions, List.of()) : new ParseResult(List.of(), errors);
    }

    /** The valid keys with the pointer of the field that first uses them; later uses are duplicates. */
    private static Map<String, String> keysOf(JsonArray fields, String pointer, List<DefinitionError> errors) {
        var pointerByKey = new LinkedHashMap<String, String>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) instanceof JsonObject field && field.get("key") instanceof JsonString key
                    && KEY.matcher(key.getString()).matches()) {
                var here = pointer + "/" + i;
                var first = pointerByKey.putIfAbsent(key.getString(), here);
                if (first != null) {
                    errors.add(new DefinitionError(here + "/key", "duplicate key, first used at " + first));
                }
            }
        }
        return new HashMap<>(pointerByKey);
    }
}
