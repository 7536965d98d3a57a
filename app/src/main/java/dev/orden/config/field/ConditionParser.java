package dev.orden.config.field;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a condition, adding an error with its JSON pointer for every problem. Returns null when there were any. */
final class ConditionParser {

    private static final List<String> GROUPS = List.of("all", "any", "not");
    private static final List<String> OPERATORS = List.of("equals", "notEquals", "in", "notEmpty", "empty");

    private final String ownKey;
    private final Set<String> knownKeys;
    private final List<DefinitionError> errors;
    private final List<Comparison> comparisons;

    ConditionParser(String ownKey, Set<String> knownKeys, List<DefinitionError> errors, List<Comparison> comparisons) {
        this.ownKey = ownKey;
        this.knownKeys = knownKeys;
        this.errors = errors;
        this.comparisons = comparisons;
    }

    Condition parse(JsonValue json, String pointer) {
        int before = errors.size();
        var condition = read(json, pointer);
        return errors.size() == before ? condition : null;
    }

    private Condition read(JsonValue json, String pointer) {
        if (!(json instanceof JsonObject object)) {
            return fail(pointer, "a condition must be an object");
        }
        var group = GROUPS.stream().filter(object::containsKey).toList();
        if (!group.isEmpty()) {
            rejectOthers(object, pointer, group.getFirst());
            return readGroup(object, group.getFirst(), pointer + "/" + group.getFirst());
        }
        return readComparison(object, pointer);
    }

    private Condition readGroup(JsonObject object, String group, String pointer) {
        if (group.equals("not")) {
            var inner = read(object.get("not"), pointer);
            return inner == null ? null : new NotCondition(inner);
        }
        if (!(object.get(group) instanceof JsonArray array) || array.isEmpty()) {
            return fail(pointer, "must be a non-empty array of conditions");
        }
        var conditions = new ArrayList<Condition>();
        for (int i = 0; i < array.size(); i++) {
            conditions.add(read(array.get(i), pointer + "/" + i));
        }
        return group.equals("all") ? new AllCondition(conditions) : new AnyCondition(conditions);
    }

    private Condition readComparison(JsonObject object, String pointer) {
        var operators = OPERATORS.stream().filter(object::containsKey).toList();
        if (operators.size() != 1) {
            rejectOthers(object, pointer, "field", "equals", "notEquals", "in", "notEmpty", "empty");
            return fail(pointer, "a condition needs exactly one of all, any, not, " + String.join(", ", OPERATORS));
        }
        var operator = operators.getFirst();
        rejectOthers(object, pointer, "field", operator);
        var field = readField(object, pointer);
        var operand = object.get(operator);
        recordComparisons(field, operator, operand, pointer + "/" + operator);
        return switch (operator) {
            case "equals" -> new EqualsCondition(field, operand);
            case "notEquals" -> new NotEqualsCondition(field, operand);
            case "in" -> operand instanceof JsonArray values
                    ? new InCondition(field, values)
                    : fail(pointer + "/in", "must be an array of values");
            default -> operand == JsonValue.TRUE || operand.getValueType() == JsonValue.ValueType.TRUE
                    ? (operator.equals("empty") ? new EmptyCondition(field) : new NotEmptyCondition(field))
                    : fail(pointer + "/" + operator, "must be true");
        };
    }

    private void recordComparisons(String field, String operator, JsonValue operand, String pointer) {
        if (operator.equals("equals") || operator.equals("notEquals")) {
            comparisons.add(new Comparison(pointer, field, operand, false));
        } else if (operator.equals("in") && operand instanceof JsonArray values) {
            for (int i = 0; i < values.size(); i++) {
                comparisons.add(new Comparison(pointer + "/" + i, field, values.get(i), true));
            }
        }
    }

    private String readField(JsonObject object, String pointer) {
        if (!(object.get("field") instanceof JsonString text)) {
            fail(pointer + "/field", "must name a field");
            return null;
        }
        var key = text.getString();
        if (key.equals(ownKey)) {
            fail(pointer + "/field", "a condition cannot refer to its own field");
        } else if (!knownKeys.contains(key)) {
            fail(pointer + "/field", "refers to an unknown field '" + key + "'");
        }
        return key;
    }

    private void rejectOthers(JsonObject object, String pointer, String... allowed) {
        object.keySet().stream().filter(name -> !List.of(allowed).contains(name)).sorted()
                .forEach(name -> fail(pointer + "/" + name, "unknown or misplaced property"));
    }

    private Condition fail(String pointer, String reason) {
        errors.add(new DefinitionError(pointer, reason));
        return null;
    }
}
