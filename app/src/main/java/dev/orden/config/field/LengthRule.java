package dev.orden.config.field;

import java.util.List;

/** minLength / maxLength, counted in code points so that an emoji is one character. */
final class LengthRule {

    private LengthRule() {}

    static void check(FieldDefinition field, String text, List<String> problems) {
        int length = text.codePointCount(0, text.length());
        if (field.minLength() != null && length < field.minLength()) {
            problems.add("must have at least " + field.minLength() + " characters");
        }
        if (field.maxLength() != null && length > field.maxLength()) {
            problems.add("must have at most " + field.maxLength() + " characters");
        }
    }
}
