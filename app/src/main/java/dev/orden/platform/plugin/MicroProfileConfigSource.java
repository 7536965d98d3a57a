package dev.orden.platform.plugin;

import dev.orden.plugin.spi.ProviderRegistry;
import java.util.HashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/** Factories' settings from MicroProfile Config: {@code orden.plugin.<spi>.<factory id>.<key>}. */
final class MicroProfileConfigSource {

    static final String PREFIX = "orden.plugin.";

    private MicroProfileConfigSource() {}

    static ProviderRegistry.ConfigSource read() {
        var config = ConfigProvider.getConfig(MicroProfileConfigSource.class.getClassLoader());
        var values = new HashMap<String, String>();
        for (var name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) config.getOptionalValue(name, String.class).ifPresent(v -> values.put(name, v));
        }
        return ProviderRegistry.ConfigSource.fromMap(values, PREFIX);
    }
}
