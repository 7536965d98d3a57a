package dev.orden.plugin.storage;

import dev.orden.plugin.spi.ProviderFactory;

/**
 * Makes {@link ContentScanner}s of one kind. Every factory found is in the chain unless its setting
 * {@code orden.plugin.content-scanner.<id>.enabled} is {@code false}; they run highest {@link #order()} first.
 */
public interface ContentScannerFactory extends ProviderFactory<ContentScanner> {

    /** One sentence for the server's operators: what the scanner looks for, or which engine it asks. */
    String description();

    /** False when the server's settings switched it off ({@code enabled=false}). */
    default boolean enabled() {
        return true;
    }
}
