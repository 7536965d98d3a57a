package dev.orden.config.field;

import java.math.BigDecimal;
import java.util.List;

/** At most the allowed number of decimal places; trailing zeros do not count (2.50 has 1). */
final class DecimalsRule {

    private DecimalsRule() {}

    static void check(Integer decimals, BigDecimal number, List<String> problems) {
        if (decimals != null && Math.max(0, number.stripTrailingZeros().scale()) > decimals) {
            problems.add(decimals == 0 ? "must be a whole number" : "must have at most " + decimals + " decimals");
        }
    }
}
