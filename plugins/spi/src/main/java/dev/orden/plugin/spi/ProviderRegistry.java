package dev.orden.plugin.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Discovers every {@link Spi} and its {@link ProviderFactory}s with {@link ServiceLoader}, initialises the
 * factories with their configuration and hands them out by provider type.
 */
public final class ProviderRegistry implements AutoCloseable {

    private final Map<Class<? extends Provider>, Spi> spis = new LinkedHashMap<>();
    private final Map<Class<? extends Provider>, List<ProviderFactory<?>>> factories = new LinkedHashMap<>();

    private ProviderRegistry() {}

    /**
     * @param classLoader where plugins are looked up
     * @param configFor   the configuration of a factory, given its SPI name and factory id
     */
    public static ProviderRegistry load(ClassLoader classLoader, ConfigSource configFor) {
        var registry = new ProviderRegistry();
        for (Spi spi : ServiceLoader.load(Spi.class, classLoader)) {
            registry.register(spi, classLoader, configFor);
        }
        registry.factories.values().stream().flatMap(List::stream).forEach(f -> f.postInit(registry));
        return registry;
    }

    private void register(Spi spi, ClassLoader classLoader, ConfigSource configFor) {
        if (spis.putIfAbsent(spi.getProviderClass(), spi) != null) {
            throw new IllegalStateException("Two SPIs offer " + spi.getProviderClass().getName());
        }
        var found = new ArrayList<ProviderFactory<?>>();
        var ids = new LinkedHashMap<String, ProviderFactory<?>>();
        for (ProviderFactory<?> factory : ServiceLoader.load(spi.getProviderFactoryClass(), classLoader)) {
            if (ids.putIfAbsent(factory.getId(), factory) != null) {
                throw new IllegalStateException(
                        "Two factories of SPI '" + spi.getName() + "' use the id '" + factory.getId() + "'");
            }
            factory.init(configFor.apply(spi.getName(), factory.getId()));
            found.add(factory);
        }
        found.sort(Comparator.comparingInt((ProviderFactory<?> f) -> f.order()).reversed());
        factories.put(spi.getProviderClass(), List.copyOf(found));
    }

    public Collection<Spi> spis() {
        return List.copyOf(spis.values());
    }

    /** The factories of an SPI, highest {@link ProviderFactory#order()} first. */
    @SuppressWarnings("unchecked")
    public <T extends Provider> List<ProviderFactory<T>> factories(Class<T> providerClass) {
        return (List<ProviderFactory<T>>) (List<?>) factories.getOrDefault(providerClass, List.of());
    }

    public <T extends Provider> Optional<ProviderFactory<T>> factory(Class<T> providerClass, String id) {
        return factories(providerClass).stream().filter(f -> f.getId().equals(id)).findFirst();
    }

    /** The highest-ordered factory of the SPI. */
    public <T extends Provider> Optional<ProviderFactory<T>> defaultFactory(Class<T> providerClass) {
        return factories(providerClass).stream().findFirst();
    }

    @Override
    public void close() {
        factories.values().stream().flatMap(List::stream).forEach(ProviderFactory::close);
    }

    /** Supplies the configuration of one factory. */
    @FunctionalInterface
    public interface ConfigSource {
        ProviderConfig apply(String spiName, String factoryId);

        static ConfigSource none() {
            return (spi, id) -> ProviderConfig.empty();
        }

        static ConfigSource fromMap(Map<String, String> all, String prefix) {
            return (spi, id) -> {
                var scope = prefix + spi + "." + id + ".";
                var values = new LinkedHashMap<String, String>();
                all.forEach((k, v) -> {
                    if (k.startsWith(scope)) values.put(k.substring(scope.length()), v);
                });
                return new ProviderConfig(values);
            };
        }
    }

}
