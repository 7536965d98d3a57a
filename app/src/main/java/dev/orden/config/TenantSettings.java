package dev.orden.config;

import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * The tenant's general settings ({@code settings.json} of its configuration): the time zone its times are read in and
 * its default language. Both have defaults, so a bundle without the file, or one made before it existed, is whole.
 */
public record TenantSettings(ZoneId timeZone, String language) {

    public static final TenantSettings DEFAULTS = new TenantSettings(ZoneId.of("UTC"), "en");

    /** The settings of a (validated) bundle; an unknown zone falls back to the default rather than failing a job. */
    public static TenantSettings of(JsonObject bundle) {
        var settings = bundle.get("settings") instanceof JsonObject object ? object : JsonObject.EMPTY_JSON_OBJECT;
        return new TenantSettings(zone(settings.getString("timeZone", null)),
                settings.getString("language", DEFAULTS.language()));
    }

    /** What the schema cannot say: that the time zone exists. */
    static List<FieldError> check(JsonObject bundle) {
        if (bundle.get("settings") instanceof JsonObject settings && settings.get("timeZone") instanceof JsonString id
                && parseZone(id.getString()) == null) {
            return List.of(new FieldError("/settings/timeZone", "unknown time zone '" + id.getString() + "'"));
        }
        return List.of();
    }

    /** The zone named, or null when it does not exist. */
    private static ZoneId parseZone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneId zone(String id) {
        var zone = id == null ? null : parseZone(id);
        return zone == null ? DEFAULTS.timeZone() : zone;
    }
}
