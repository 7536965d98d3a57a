package dev.orden.attachment;

import dev.orden.config.ActiveConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's attachment settings ({@code orden.attachments.*}, server.xml variables or JVM properties) and the
 * current tenant's limits within them.
 */
@ApplicationScoped
public class AttachmentSettings {

    static final String DEFAULT_TYPES = "image/png,image/jpeg,image/gif,image/webp,image/heic,image/svg+xml,"
            + "application/pdf,text/plain,text/csv,application/zip,"
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
            + "application/vnd.openxmlformats-officedocument.presentationml.presentation,"
            + "application/vnd.oasis.opendocument.text,application/vnd.oasis.opendocument.spreadsheet,"
            + "video/mp4,video/quicktime";

    /** Raster images a browser shows without running anything: the only types served {@code inline}. */
    static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    @Inject
    @ConfigProperty(name = "orden.attachments.file-size", defaultValue = "26214400")
    long defaultFileSize;

    @Inject
    @ConfigProperty(name = "orden.attachments.max-file-size", defaultValue = "104857600")
    long maxFileSize;

    @Inject
    @ConfigProperty(name = "orden.attachments.quota", defaultValue = "1073741824")
    long defaultQuota;

    @Inject
    @ConfigProperty(name = "orden.attachments.max-quota", defaultValue = "10737418240")
    long maxQuota;

    @Inject
    @ConfigProperty(name = "orden.attachments.allowed-types", defaultValue = DEFAULT_TYPES)
    List<String> types;

    /** The store new files go to; each file is read from the one it was written to. */
    @Inject
    @ConfigProperty(name = "orden.attachments.store", defaultValue = PostgresStoreFactory.ID)
    String store;

    @Inject
    ActiveConfiguration configuration;

    /** The caller's tenant's limits, from its active configuration. */
    AttachmentLimits limits() {
        var own = configuration.current()
                .map(active -> active.bundle().get("settings") instanceof JsonObject s ? s : null)
                .map(s -> s.get("attachments") instanceof JsonObject a ? a : null).orElse(null);
        return AttachmentLimits.of(new AttachmentLimits.Server(defaultFileSize, maxFileSize, defaultQuota, maxQuota,
                types.stream().map(String::strip).toList()), own);
    }

    String store() {
        return store;
    }
}
