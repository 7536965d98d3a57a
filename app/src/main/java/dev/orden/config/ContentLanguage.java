package dev.orden.config;

import dev.orden.config.field.LocalizedText;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the one language (es or en) a configuration text is shown in, from an {@code Accept-Language} header
 * (RFC 9110): the supported language with the highest q-value wins, regional variants count as their language
 * ({@code es-MX} is es), {@code q=0} refuses a language, {@code *} stands for any language not listed (es before en), and among equal
 * q-values the first listed wins. Nothing usable — no header, only unsupported or malformed ranges — gives the
 * default, Spanish: Orden's tenants so far work in Spanish first.
 */
public final class ContentLanguage {

    public static final String DEFAULT = "es";
    /** The supported languages, the default first. */
    private static final List<String> SUPPORTED = List.of(DEFAULT, "en");

    private ContentLanguage() {}

    public static String negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return DEFAULT;
        var ranges = acceptLanguage.split(",");
        var named = new HashSet<String>();
        for (var range : ranges) {
            var language = supported(tag(range));
            if (language != null) named.add(language);
        }
        String best = null;
        double bestQ = 0;
        for (var range : ranges) {
            var tag = tag(range);
            var language = tag.equals("*") ? wildcard(named) : supported(tag);
            var q = quality(range.split(";"));
            if (language != null && q > bestQ) {
                best = language;
                bestQ = q;
            }
        }
        return best == null ? DEFAULT : best;
    }

    private static String tag(String range) {
        return range.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** {@code *} stands for the languages the header does not name: the default first. */
    private static String wildcard(Set<String> named) {
        return SUPPORTED.stream().filter(language -> !named.contains(language)).findFirst().orElse(null);
    }

    /**
     * A bundle's bilingual text ({@code {"es": …, "en": …}}) in {@code language}, else in English, else
     * {@code fallback}.
     */
    public static String pick(JsonValue texts, String language, String fallback) {
        if (!(texts instanceof JsonObject object)) return fallback;
        var chosen = object.get(language) instanceof JsonString text ? text
                : object.get("en") instanceof JsonString english ? english : null;
        return chosen == null ? fallback : chosen.getString();
    }

    /** The supported language a range names, or null: {@code es}, {@code es-MX}, {@code EN_gb}. */
    private static String supported(String range) {
        var primary = range.split("[-_]", 2)[0];
        return LocalizedText.LANGUAGES.contains(primary) ? primary : null;
    }

    /** The range's q-value; 1 when absent, 0 (refused) when malformed or out of range. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            var parameter = parts[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    var q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException malformed) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
