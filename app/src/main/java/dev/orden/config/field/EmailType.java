package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A pragmatic address check (one @, no spaces, a dotted domain): the full RFC 5322 grammar accepts addresses no mail
 * system delivers to, and only sending mail proves one exists.
 */
final class EmailType implements FieldType {

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@" + LABEL + "(?:\\." + LABEL + ")+");

    public String name() {
        return "email";
    }

    public Set<String> properties() {
        return TextRules.PROPERTIES;
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        TextRules.string(value, problems).ifPresent(text -> {
            if (text.length() > 254 || !ADDRESS.matcher(text).matches()) {
                problems.add("must be an email address");
            }
            TextRules.checkLengthAndPattern(field, text, problems);
        });
    }
}
