package dev.orden.plugin.storage;

import dev.orden.plugin.spi.Provider;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one tenant's attachments ({@link dev.orden.plugin.spi.PluginSession#tenantId()}): a provider is made
 * for one tenant's use and must never reach another tenant's objects. Keys are chosen by Orden (unique, opaque,
 * ASCII); a store may map them to its own names (e.g. {@code <tenant>/<key>} in a bucket).
 */
public interface AttachmentStore extends Provider {

    /**
     * Reads {@code content} to its end and keeps it under {@code key}; never holds the whole of it in memory.
     * The stream fails with an {@link IOException} when the upload passes its size limit: the store then keeps
     * nothing (or Orden deletes it, for a store that is not {@link AttachmentStoreFactory#transactional()}).
     *
     * @return the number of bytes stored
     */
    long write(String key, String contentType, InputStream content) throws IOException;

    /** The stored bytes from {@code offset} on, streamed; the caller closes the stream. */
    InputStream read(String key, long offset) throws IOException;

    /** Forgets the object; a key it does not have is no error. */
    void delete(String key) throws IOException;
}
