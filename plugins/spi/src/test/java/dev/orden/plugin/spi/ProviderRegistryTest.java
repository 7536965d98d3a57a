package dev.orden.plugin.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.plugin.spi.GreeterSpi.Greeter;
import dev.orden.plugin.spi.GreeterSpi.PlainGreeterFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    private final PluginSession acme = new PluginSession() {
        @Override
        public String tenantId() {
            return "acme";
        }

        @Override
        public <T extends Provider> T getProvider(Class<T> providerClass) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void discoversSpisAndFactoriesThroughServiceLoader() {
        var registry = ProviderRegistry.load(getClass().getClassLoader(), ProviderRegistry.ConfigSource.none());

        assertEquals(List.of("greeter"), registry.spis().stream().map(Spi::getName).toList());
        assertEquals(List.of("loud", "plain"),
                registry.factories(Greeter.class).stream().map(ProviderFactory::getId).toList());
        assertEquals("loud", registry.defaultFactory(Greeter.class).orElseThrow().getId());
    }

    @Test
    void passesEachFactoryItsOwnConfigurationAndRunsPostInit() {
        var config = Map.of(
                "orden.plugin.greeter.plain.salutation", "Hola",
                "orden.plugin.greeter.loud.salutation", "ignored");
        var registry = ProviderRegistry.load(
                getClass().getClassLoader(), ProviderRegistry.ConfigSource.fromMap(config, "orden.plugin."));

        var plain = registry.factory(Greeter.class, "plain").orElseThrow();
        try (Greeter greeter = plain.create(acme)) {
            assertEquals("Hola Ana from acme", greeter.greet("Ana"));
        }
        assertTrue(((PlainGreeterFactory) plain).postInitSawRegistry);
    }

    @Test
    void unknownProviderTypeHasNoFactories() {
        var registry = ProviderRegistry.load(getClass().getClassLoader(), ProviderRegistry.ConfigSource.none());
        interface Unknown extends Provider {}
        assertTrue(registry.factories(Unknown.class).isEmpty());
        assertTrue(registry.defaultFactory(Unknown.class).isEmpty());
    }
}
