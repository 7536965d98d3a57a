package dev.orden.config.field;

import java.util.List;

/**
 * The tenant's regular expression must match the whole value (tenant admins write "[A-Z]{3}-\d+" meaning the value,
 * not a part of it). RE2J runs in linear time, so a hostile pattern cannot stall a request.
 */
final class PatternRule {

    private PatternRule() {}

    static void check(FieldDefinition field, String text, List<String> problems) {
        if (field.pattern() != null && !field.pattern().matches(text)) {
            problems.add("does not match the pattern " + field.pattern().pattern());
        }
    }
}
