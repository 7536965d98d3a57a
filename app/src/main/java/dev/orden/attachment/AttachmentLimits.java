package dev.orden.attachment;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/**
 * What one tenant may upload: bytes per file, bytes in all (its quota) and the media types it accepts. The server
 * sets defaults and maxima (MicroProfile Config); a tenant's {@code settings.json} ({@code attachments}) may choose
 * its own within them, and narrow the server's types but never add to them.
 */
record AttachmentLimits(long maxFileSize, long quota, List<String> allowedTypes) {

    /** The server's side: defaults for tenants that say nothing, and the maxima no tenant passes. */
    record Server(long defaultFileSize, long maxFileSize, long defaultQuota, long maxQuota, List<String> types) {}

    AttachmentLimits {
        allowedTypes = List.copyOf(allowedTypes);
    }

    /** @param tenant the tenant's {@code settings.attachments}, or null */
    static AttachmentLimits of(Server server, JsonObject tenant) {
        var own = tenant == null ? JsonObject.EMPTY_JSON_OBJECT : tenant;
        long file = Math.min(number(own, "maxFileSize", server.defaultFileSize()), server.maxFileSize());
        long quota = Math.min(number(own, "quota", server.defaultQuota()), server.maxQuota());
        var types = own.get("allowedTypes") instanceof jakarta.json.JsonArray listed
                ? listed.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .filter(server.types()::contains).toList()
                : server.types();
        return new AttachmentLimits(file, quota, types);
    }

    boolean allows(String type) {
        return allowedTypes.contains(type);
    }

    private static long number(JsonObject object, String key, long fallback) {
        return object.get(key) instanceof JsonNumber n ? n.longValue() : fallback;
    }
}
