package dev.orden.plugin.storage;

import dev.orden.plugin.spi.Provider;
import dev.orden.plugin.spi.ProviderFactory;
import dev.orden.plugin.spi.Spi;

/**
 * The extension point of virus scanning: every upload goes through every enabled {@link ContentScanner}, after its
 * bytes are stored and before the upload commits; the first verdict that is not clean refuses it. The built-in
 * {@code eicar} scanner knows the EICAR test file; a ClamAV scanner (clamd's {@code INSTREAM} over its socket) is a
 * jar in the plugin directory registering its {@link ContentScannerFactory} in
 * {@code META-INF/services/dev.orden.plugin.storage.ContentScannerFactory}.
 */
public final class ContentScannerSpi implements Spi {

    public static final String NAME = "content-scanner";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return ContentScanner.class;
    }

    @Override
    public Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return ContentScannerFactory.class;
    }
}
