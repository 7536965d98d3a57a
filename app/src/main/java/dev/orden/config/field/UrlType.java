package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** An absolute http or https address: other schemes (javascript:, file:) are no links for a work order. */
final class UrlType implements FieldType {

    public String name() {
        return "url";
    }

    public Set<String> properties() {
        return TextRules.PROPERTIES;
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        TextRules.string(value, problems).ifPresent(text -> {
            if (!isWebAddress(text)) {
                problems.add("must be an absolute http or https URL");
            }
            TextRules.checkLengthAndPattern(field, text, problems);
        });
    }

    private static boolean isWebAddress(String text) {
        try {
            var uri = new URI(text);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }
}
