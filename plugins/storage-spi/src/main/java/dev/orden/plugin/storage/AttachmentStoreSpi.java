package dev.orden.plugin.storage;

import dev.orden.plugin.spi.Provider;
import dev.orden.plugin.spi.ProviderFactory;
import dev.orden.plugin.spi.Spi;

/**
 * The extension point of attachment storage: where the bytes of an uploaded file live. PostgreSQL (chunks in a
 * table, in the upload's own transaction) is built in; an S3-compatible store is a jar in the server's plugin
 * directory that registers its {@link AttachmentStoreFactory} in
 * {@code META-INF/services/dev.orden.plugin.storage.AttachmentStoreFactory}. The server writes new files to the
 * store {@code orden.attachments.store} names and reads each file from the store it was written to.
 */
public final class AttachmentStoreSpi implements Spi {

    public static final String NAME = "attachment-store";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return AttachmentStore.class;
    }

    @Override
    public Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return AttachmentStoreFactory.class;
    }
}
