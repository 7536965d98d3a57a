package dev.orden.attachment;

import dev.orden.platform.plugin.Plugins;
import dev.orden.plugin.storage.AttachmentStore;
import dev.orden.plugin.storage.AttachmentStoreFactory;
import dev.orden.plugin.storage.ContentScanner;
import dev.orden.plugin.storage.ContentScannerFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** The server's attachment stores and content scanners, built in or from the plugin directory. */
@ApplicationScoped
public class Stores {

    @Inject
    Plugins plugins;

    AttachmentStoreFactory factory(String id) {
        return plugins.registry().factory(AttachmentStore.class, id).map(AttachmentStoreFactory.class::cast)
                .orElseThrow(() -> new IllegalStateException("No attachment store '" + id + "' on this server"));
    }

    /** A store for one tenant's use; close it after use. */
    AttachmentStore open(AttachmentStoreFactory factory, UUID tenantId) {
        return factory.create(plugins.session(tenantId));
    }

    /** The enabled scanners, highest order first: the chain every upload passes. */
    List<ContentScannerFactory> scanners() {
        return plugins.registry().factories(ContentScanner.class).stream().map(ContentScannerFactory.class::cast)
                .filter(ContentScannerFactory::enabled).toList();
    }

    ContentScanner scanner(ContentScannerFactory factory, UUID tenantId) {
        return factory.create(plugins.session(tenantId));
    }
}
