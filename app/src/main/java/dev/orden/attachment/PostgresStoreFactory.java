package dev.orden.attachment;

import dev.orden.plugin.spi.PluginSession;
import dev.orden.plugin.spi.ProviderConfig;
import dev.orden.plugin.storage.AttachmentStore;
import dev.orden.plugin.storage.AttachmentStoreFactory;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * The built-in store {@code postgres}: a file's bytes in {@code attachment_chunk} rows of {@code chunk-size} bytes
 * (256 KiB; {@code orden.plugin.attachment-store.postgres.chunk-size}), written in the upload's transaction and
 * streamed back one chunk at a time. Found by ServiceLoader like any plugin; it reaches the database through CDI.
 */
public class PostgresStoreFactory implements AttachmentStoreFactory {

    public static final String ID = "postgres";
    static final int DEFAULT_CHUNK = 256 * 1024;

    private int chunkSize = DEFAULT_CHUNK;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String description() {
        return "Orden's PostgreSQL database, in chunks of " + chunkSize + " bytes";
    }

    @Override
    public void init(ProviderConfig config) {
        chunkSize = config.getInt("chunk-size", DEFAULT_CHUNK);
    }

    @Override
    public boolean transactional() {
        return true;
    }

    @Override
    public AttachmentStore create(PluginSession session) {
        var tenantId = UUID.fromString(session.tenantId());
        var chunks = CDI.current().select(PostgresChunks.class).get();
        return new AttachmentStore() {
            @Override
            public long write(String key, String contentType, InputStream content) throws IOException {
                long total = 0;
                int seq = 0;
                var buffer = new byte[chunkSize];
                int n;
                while ((n = content.readNBytes(buffer, 0, chunkSize)) > 0) {
                    chunks.insert(tenantId, key, seq++, n == chunkSize ? buffer : java.util.Arrays.copyOf(buffer, n));
                    total += n;
                }
                if (seq == 0) chunks.insert(tenantId, key, 0, new byte[0]);
                return total;
            }

            @Override
            public InputStream read(String key, long offset) {
                return new ChunkStream(seq -> chunks.chunk(tenantId, key, seq), offset);
            }

            @Override
            public void delete(String key) {
                chunks.delete(tenantId, key);
            }
        };
    }
}
