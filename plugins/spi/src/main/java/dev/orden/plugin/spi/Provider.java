package dev.orden.plugin.spi;

/**
 * One use of a plugin: created by its {@link ProviderFactory} for a single session (one request, one tenant) and
 * closed at its end.
 */
public interface Provider extends AutoCloseable {

    @Override
    default void close() {}
}
