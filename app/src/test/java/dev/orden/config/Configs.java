package dev.orden.config;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;

/** Bundle edits the configuration unit tests share. */
final class Configs {

    private Configs() {}

    /** The repository's folder of a tenant (or {@code _default}). */
    static Path folder(String slug) {
        return Path.of("..", "tenant-config", slug);
    }

    /** A demo tenant's bundle, read from its folder in the repository. */
    static JsonObject demo(String slug) {
        return BundleFiles.readFolder(folder(slug));
    }

    /** The bundle with {@code flag} (e.g. retired, readOnly) set to true on field {@code key}. */
    static JsonObject withFieldFlag(JsonObject bundle, String key, String flag) {
        var fields = Json.createArrayBuilder();
        bundle.getJsonArray("fields").getValuesAs(JsonObject.class).forEach(f -> fields.add(
                f.getString("key").equals(key) ? Json.createObjectBuilder(f).add(flag, true).build() : f));
        return Json.createObjectBuilder(bundle).add("fields", fields).build();
    }
}
