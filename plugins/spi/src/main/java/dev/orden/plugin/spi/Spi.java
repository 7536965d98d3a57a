package dev.orden.plugin.spi;

/**
 * Names an extension point: which {@link Provider} type it offers and which {@link ProviderFactory} type creates
 * it. Registered in {@code META-INF/services/dev.orden.plugin.spi.Spi}.
 */
public interface Spi {

    String getName();

    Class<? extends Provider> getProviderClass();

    Class<? extends ProviderFactory<?>> getProviderFactoryClass();

    /** Internal SPIs may change between releases; third-party plugins should target the others. */
    default boolean isInternal() {
        return false;
    }
}
