package dev.orden.config.field;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * An amount as a plain JSON number in the field's currency: the currency belongs to the definition, so a value
 * cannot carry another one, and numbers sort and filter directly in jsonb. Two decimals unless "decimals" says.
 */
final class MoneyType implements FieldType {

    static final int DEFAULT_DECIMALS = 2;

    public String name() {
        return "money";
    }

    public Set<String> properties() {
        return Set.of("min", "max", "decimals", "currency");
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        if (!(value instanceof JsonNumber amount)) {
            problems.add("must be an amount as a number, not a " + JsonValues.typeOf(value));
            return;
        }
        RangeRule.check(field, amount.bigDecimalValue(), problems);
        DecimalsRule.check(decimalsOf(field), amount.bigDecimalValue(), problems);
    }

    @Override
    public void checkDefinition(FieldDefinition field, String pointer, List<DefinitionError> errors) {
        if (field.currency() == null) {
            errors.add(new DefinitionError(pointer + "/currency", "a money field needs a currency"));
        } else if (!isCurrency(field.currency())) {
            errors.add(new DefinitionError(pointer + "/currency", "is not an ISO 4217 currency code"));
        }
    }

    static int decimalsOf(FieldDefinition field) {
        return field.decimals() == null ? DEFAULT_DECIMALS : field.decimals();
    }

    private static boolean isCurrency(String code) {
        try {
            return code.matches("[A-Z]{3}") && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException notACurrency) {
            return false;
        }
    }
}
