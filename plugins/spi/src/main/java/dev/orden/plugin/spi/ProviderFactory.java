package dev.orden.plugin.spi;

/**
 * Creates {@link Provider}s of one implementation. One instance per server: {@link #init} once with its
 * configuration, {@link #postInit} once every factory is initialised, {@link #create} per session,
 * {@link #close} at shutdown. Registered in {@code META-INF/services/<the Spi's factory interface>}.
 */
public interface ProviderFactory<T extends Provider> {

    /** Unique within its SPI; also the configuration key, as in {@code orden.plugin.<spi>.<id>.<key>}. */
    String getId();

    default void init(ProviderConfig config) {}

    default void postInit(ProviderRegistry registry) {}

    T create(PluginSession session);

    /** Higher wins when an SPI has several factories and none is chosen by configuration. */
    default int order() {
        return 0;
    }

    default void close() {}
}
