package dev.orden.plugin.storage;

import dev.orden.plugin.spi.ProviderFactory;

/**
 * Makes {@link AttachmentStore}s of one kind; its {@link #getId()} is what {@code orden.attachments.store} names and
 * what each attachment records as its store. Server-wide settings come through {@link #init}
 * ({@code orden.plugin.attachment-store.<id>.<key>}: a bucket, an endpoint, credentials).
 */
public interface AttachmentStoreFactory extends ProviderFactory<AttachmentStore> {

    /** One sentence for the server's operators: where the bytes go. */
    String description();

    /**
     * Whether the store writes inside the upload's database transaction (true: a rolled-back upload leaves nothing,
     * as with the built-in PostgreSQL store). For any other store Orden deletes the object again when the upload
     * is refused or rolled back, and deletes a removed attachment's object only once the removal has committed.
     */
    default boolean transactional() {
        return false;
    }
}
