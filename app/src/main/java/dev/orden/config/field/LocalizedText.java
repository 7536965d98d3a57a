package dev.orden.config.field;

import java.util.List;
import java.util.Map;

/** A text in each supported language (es, en). */
public record LocalizedText(Map<String, String> byLanguage) {

    public static final List<String> LANGUAGES = java.util.List.of("es", "en");

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
    }

    public String in(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get("en"));
    }
}
