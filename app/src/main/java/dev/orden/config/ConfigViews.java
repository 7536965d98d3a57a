package dev.orden.config;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/** The JSON the admin API answers with. */
final class ConfigViews {

    private ConfigViews() {}

    /** A version without its bundle, as listed. */
    static JsonObjectBuilder summary(ConfigVersion version, Integer activeVersion) {
        var view = Json.createObjectBuilder()
                .add("version", version.version())
                .add("status", version.status().name())
                .add("active", activeVersion != null && activeVersion == version.version())
                .add("createdBy", version.createdBy())
                .add("createdAt", version.createdAt().toString());
        optional(view, "publishedBy", version.publishedBy());
        optional(view, "publishedAt", version.publishedAt());
        optional(view, "note", version.note());
        return view;
    }

    static JsonObject withBundle(ConfigVersion version, Integer activeVersion) {
        return summary(version, activeVersion).add("bundle", ConfigBundles.fromStored(version.bundle())).build();
    }

    /** A draft with its verdict: stored whatever it holds, publishable only when valid. */
    static JsonObject draft(ConfigService.Checked checked) {
        return summary(checked.version(), null)
                .add("valid", checked.validation().valid())
                .add("errors", errors(checked.validation().errors()))
                .add("bundle", ConfigBundles.fromStored(checked.version().bundle()))
                .build();
    }

    static JsonObject active(ActiveConfiguration.Active active) {
        return Json.createObjectBuilder().add("version", active.version()).add("bundle", active.bundle()).build();
    }

    static JsonArrayBuilder errors(List<FieldError> errors) {
        var array = Json.createArrayBuilder();
        for (var error : errors) {
            var view = Json.createObjectBuilder().add("field", error.field());
            if (error.file() != null) view.add("file", error.file());
            if (error.pointer() != null) view.add("pointer", error.pointer());
            array.add(view.add("message", error.message()));
        }
        return array;
    }

    private static void optional(JsonObjectBuilder view, String name, Object value) {
        if (value instanceof Instant instant) view.add(name, instant.toString());
        else if (value != null) view.add(name, value.toString());
    }
}
