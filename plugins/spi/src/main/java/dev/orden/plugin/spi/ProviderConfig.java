package dev.orden.plugin.spi;

import java.util.Map;
import java.util.Optional;

/** The configuration of one factory: the keys under {@code orden.plugin.<spi>.<id>.}, with that prefix removed. */
public record ProviderConfig(Map<String, String> values) {

    public ProviderConfig {
        values = Map.copyOf(values);
    }

    public static ProviderConfig empty() {
        return new ProviderConfig(Map.of());
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        return get(key).map(String::trim).map(Integer::parseInt).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(String::trim).map(Boolean::parseBoolean).orElse(defaultValue);
    }
}
