package dev.orden.config.field;

import com.google.re2j.PatternSyntaxException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads one field definition; returns null after adding errors when it has any. */
final class FieldReader {

    private static final Set<String> COMMON = Set.of("key", "label", "help", "type", "required", "default",
            "visibleWhen", "requiredWhen", "readOnly", "internal", "retired");
    /** Users in a default are checked when a value is validated, against the tenant's members at that time. */
    private static final ValidationContext ANY_USER = id -> true;

    private final Set<String> knownKeys;
    private final List<DefinitionError> errors;
    private final List<Comparison> comparisons;

    FieldReader(Set<String> knownKeys, List<DefinitionError> errors, List<Comparison> comparisons) {
        this.knownKeys = knownKeys;
        this.errors = errors;
        this.comparisons = comparisons;
    }

    FieldDefinition read(JsonValue json, String pointer) {
        if (!(json instanceof JsonObject object)) {
            errors.add(new DefinitionError(pointer, "a field must be an object"));
            return null;
        }
        int before = errors.size();
        var definition = read(new PropertyReader(object, pointer, errors));
        if (errors.size() != before) {
            return null;
        }
        definition.type().checkDefinition(definition, pointer, errors);
        checkDefault(definition, pointer);
        checkInternal(definition, pointer);
        return errors.size() == before ? definition : null;
    }

    private FieldDefinition read(PropertyReader field) {
        var key = key(field);
        var type = type(field);
        rejectUnknown(field, type);
        var conditions = new ConditionParser(key, knownKeys, errors, comparisons);
        var minLength = field.count("minLength");
        var maxLength = field.count("maxLength");
        var min = field.number("min");
        var max = field.number("max");
        var minItems = field.count("minItems");
        var maxItems = field.count("maxItems");
        checkOrder(field, "minLength", minLength, "maxLength", maxLength);
        checkOrder(field, "min", min, "max", max);
        checkOrder(field, "minItems", minItems, "maxItems", maxItems);
        return new FieldDefinition(key, mandatory(field, "label", field.localized("label")), field.localized("help"),
                type, field.bool("required"), field.value("default"), pattern(field), minLength, maxLength,
                min, max, field.count("decimals"), field.string("currency"), options(field), minItems, maxItems,
                condition(field, "visibleWhen", conditions), condition(field, "requiredWhen", conditions),
                field.bool("readOnly"), field.bool("internal"), field.bool("retired"));
    }

    /**
     * Requesters cannot give a value they do not see, so an internal field is never required on creation (a
     * transition can require it); and a field's files are the order's public files, so none is internal.
     */
    private void checkInternal(FieldDefinition definition, String pointer) {
        if (!definition.internal()) return;
        if (definition.required() || definition.requiredWhen() != null) {
            errors.add(new DefinitionError(pointer + "/internal", "an internal field cannot be required: requesters"
                    + " do not see it; require it on a workflow transition instead"));
        }
        if (definition.type().name().equals("attachment")) {
            errors.add(new DefinitionError(pointer + "/internal", "an attachment field cannot be internal: its files"
                    + " are the order's public files; add internal files to the order instead"));
        }
    }

    private static Condition condition(PropertyReader field, String name, ConditionParser conditions) {
        return field.has(name) ? conditions.parse(field.value(name), field.pointerTo(name)) : null;
    }

    private static <T extends Comparable<T>> void checkOrder(PropertyReader field, String minName, T min,
            String maxName, T max) {
        if (min != null && max != null && min.compareTo(max) > 0) {
            field.fail(minName, minName + " is greater than " + maxName);
        }
    }

    private String key(PropertyReader field) {
        var key = mandatory(field, "key", field.string("key"));
        if (key != null && !FieldDefinitionParser.KEY.matcher(key).matches()) {
            field.fail("key", "must start with a letter and hold only letters, digits and _ (at most 64)");
        }
        return key;
    }

    private FieldType type(PropertyReader field) {
        var name = mandatory(field, "type", field.string("type"));
        if (name == null) {
            return null;
        }
        var type = FieldTypes.named(name);
        if (type.isEmpty()) {
            field.fail("type", "unknown type '" + name + "', expected one of " + String.join(", ", FieldTypes.names()));
        }
        return type.orElse(null);
    }

    /** Properties of another type are as wrong as unknown ones: a tenant who gives them expects an effect. */
    private void rejectUnknown(PropertyReader field, FieldType type) {
        var known = new HashSet<>(COMMON);
        if (type != null) {
            known.addAll(type.properties());
        } else {
            FieldTypes.names().forEach(name -> known.addAll(FieldTypes.named(name).orElseThrow().properties()));
        }
        field.rejectUnknown(known);
    }

    private com.google.re2j.Pattern pattern(PropertyReader field) {
        var pattern = field.string("pattern");
        try {
            return pattern == null ? null : com.google.re2j.Pattern.compile(pattern);
        } catch (PatternSyntaxException broken) {
            field.fail("pattern", "does not compile: " + broken.getDescription());
            return null;
        }
    }

    private List<FieldOption> options(PropertyReader field) {
        var array = field.array("options");
        var options = new ArrayList<FieldOption>();
        for (int i = 0; array != null && i < array.size(); i++) {
            var pointer = field.pointerTo("options") + "/" + i;
            if (!(array.get(i) instanceof JsonObject object)) {
                errors.add(new DefinitionError(pointer, "an option must be an object with value and label"));
                continue;
            }
            var option = new PropertyReader(object, pointer, errors);
            var value = mandatory(option, "value", option.string("value"));
            if (value != null && value.isBlank()) {
                option.fail("value", "must not be blank");
            }
            options.add(new FieldOption(value, mandatory(option, "label", option.localized("label"))));
            option.rejectUnknown(List.of("value", "label"));
        }
        return options;
    }

    private void checkDefault(FieldDefinition definition, String pointer) {
        var value = definition.defaultValue();
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        var problems = new ArrayList<String>();
        definition.type().check(definition, value, ANY_USER, problems);
        problems.forEach(problem -> errors.add(new DefinitionError(pointer + "/default", "the default " + problem)));
    }

    private <T> T mandatory(PropertyReader reader, String name, T value) {
        if (!reader.has(name)) {
            reader.fail(name, "is missing");
        }
        return value;
    }
}
