package dev.orden.config.field;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A condition that compares a field with a value the field can never hold (an option that does not exist, text for
 * a number) is never true: a typo that would silently hide a field forever, so it is an error.
 */
final class ComparisonCheck {

    private static final ValidationContext ANY_USER = id -> true;

    private ComparisonCheck() {}

    static void report(List<Comparison> comparisons, Map<String, FieldDefinition> byKey,
            List<DefinitionError> errors) {
        for (var comparison : comparisons) {
            var field = byKey.get(comparison.field());
            if (field != null && comparison.operand().getValueType() != JsonValue.ValueType.NULL) {
                problemsOf(field, comparison).forEach(problem -> errors.add(new DefinitionError(
                        comparison.pointer(), "can never match '" + field.key() + "', whose value " + problem)));
            }
        }
    }

    /** A multiselect is compared item by item ("in") or as a whole array ("equals"). */
    private static List<String> problemsOf(FieldDefinition field, Comparison comparison) {
        var problems = new ArrayList<String>();
        var operand = comparison.operand();
        if (!(comparison.item() && field.type() instanceof MultiSelectType)) {
            field.type().check(field, operand, ANY_USER, problems);
        } else if (!(operand instanceof JsonString text && field.hasOption(text.getString()))) {
            problems.add("is not one of the options: " + OptionsRule.values(field));
        }
        return problems;
    }
}
