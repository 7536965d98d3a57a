package dev.orden.assignment;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whole words or phrases in a text, ignoring case and accents: what {@code keywords.any} does for flow rules, so
 * that a tenant's declarative rules and its scripts find the same orders ("calefacción" matches "CALEFACCION";
 * "fuga" does not match "Fugaz").
 */
final class Keywords {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Keywords() {}

    static boolean any(String text, Collection<String> keywords) {
        if (text == null || keywords.isEmpty()) return false;
        var haystack = words(text);
        return keywords.stream().map(Keywords::words).anyMatch(n -> n.length() > 2 && haystack.contains(n));
    }

    /** The text folded to {@code " word word "}: lower case, no accents, single spaces, padded. */
    static String words(String text) {
        var folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return " " + Arrays.stream(SEPARATORS.split(folded)).filter(w -> !w.isEmpty())
                .collect(Collectors.joining(" ")) + " ";
    }
}
