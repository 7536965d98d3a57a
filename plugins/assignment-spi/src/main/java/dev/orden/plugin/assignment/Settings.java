package dev.orden.plugin.assignment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's settings for one strategy: the {@code settings} object of its entry in {@code assignment.json}, as
 * JSON turned into Java ({@code String}, {@code BigDecimal}, {@code Boolean}, {@code List}, {@code Map}).
 */
public record Settings(Map<String, Object> values) {

    public Settings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public static Settings empty() {
        return new Settings(Map.of());
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value when it is a string; empty when absent or of another type. */
    public Optional<String> string(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The value when it is a number; empty when absent or of another type. */
    public Optional<Double> number(String key) {
        return values.get(key) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** The value when it is an object; empty when absent or of another type. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String key) {
        return values.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The strings of a list value (other items skipped); empty when absent or not a list. */
    public static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }
}
