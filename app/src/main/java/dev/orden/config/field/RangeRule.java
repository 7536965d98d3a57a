package dev.orden.config.field;

import java.math.BigDecimal;
import java.util.List;

/** min / max of a number or an amount, both inclusive. */
final class RangeRule {

    private RangeRule() {}

    static void check(FieldDefinition field, BigDecimal number, List<String> problems) {
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            problems.add("must be at least " + field.min().toPlainString());
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            problems.add("must be at most " + field.max().toPlainString());
        }
    }
}
