package dev.orden.config.field;

import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** The checks of one field's value, in the order in which they make the others moot. */
final class FieldCheck {

    private final FieldDefinition field;
    private final JsonValue value;
    private final JsonValue previous;
    private final VisibleValues visible;
    private final ValidationContext context;

    FieldCheck(FieldDefinition field, JsonValue value, JsonValue previous, VisibleValues visible,
            ValidationContext context) {
        this.field = field;
        this.value = JsonValues.orNull(value);
        this.previous = JsonValues.orNull(previous);
        this.visible = visible;
        this.context = context;
    }

    void addTo(List<FieldError> errors) {
        problems().forEach(problem -> errors.add(new FieldError(field.errorField(), problem)));
    }

    private static final String RETIRED = "is retired: it cannot be set or changed";
    private static final String HIDDEN = "is hidden by its visibleWhen condition: it must not have a value";

    private List<String> problems() {
        boolean absent = value.getValueType() == JsonValue.ValueType.NULL;
        if (field.retired()) {
            return absent || JsonValues.same(value, previous) ? List.of() : List.of(RETIRED);
        }
        if (!visible.isVisible(field.key())) {
            return JsonValues.isEmpty(value) ? List.of() : List.of(HIDDEN);
        }
        if (field.readOnly() && !JsonValues.same(value, previous) && !isDefaultOnCreation()) {
            return List.of("is read-only");
        }
        if (JsonValues.isEmpty(value)) {
            return visible.isRequired(field) ? List.of("is required") : List.of();
        }
        var problems = new ArrayList<String>();
        field.type().check(field, value, context, problems);
        return problems;
    }

    private boolean isDefaultOnCreation() {
        return previous.getValueType() == JsonValue.ValueType.NULL && field.defaultValue() != null
                && JsonValues.same(value, field.defaultValue());
    }
}
