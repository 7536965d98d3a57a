package dev.orden.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orden.shared.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantSettingsTest {

    private static JsonObject bundle(String settings) {
        return Json.createReader(new StringReader("{\"settings\":" + settings + "}")).readObject();
    }

    @Test
    void theZoneAndLanguageAreRead() {
        var settings = TenantSettings.of(bundle("{\"timeZone\":\"Europe/Madrid\",\"language\":\"es\"}"));
        assertEquals(new TenantSettings(ZoneId.of("Europe/Madrid"), "es"), settings);
    }

    @Test
    void aBundleWithoutSettingsHasTheDefaults() {
        assertEquals(TenantSettings.DEFAULTS, TenantSettings.of(JsonObject.EMPTY_JSON_OBJECT));
        assertEquals(ZoneId.of("UTC"), TenantSettings.DEFAULTS.timeZone());
    }

    @Test
    void anUnknownZoneIsAnErrorAtItsPointer() {
        assertEquals(List.of(new FieldError("/settings/timeZone", "unknown time zone 'Mars/Olympus'")),
                TenantSettings.check(bundle("{\"timeZone\":\"Mars/Olympus\"}")));
        assertEquals(List.of(), TenantSettings.check(bundle("{\"timeZone\":\"America/New_York\"}")));
    }

    @Test
    void theDemoTenantsSettingsAreValidAndReadFromTheirFolder() {
        var acme = Configs.demo("acme");
        assertEquals(List.of(), BundleValidation.of(acme).errors());
        assertEquals(new TenantSettings(ZoneId.of("Europe/Madrid"), "es"), TenantSettings.of(acme));
    }

    @Test
    void anUnknownZoneOrLanguageIsReportedInSettingsJson() {
        var bundle = Json.createObjectBuilder(Configs.demo("acme"))
                .add("settings", bundle("{\"timeZone\":\"Mars/Olympus\",\"language\":\"fr\"}").getJsonObject("settings"))
                .build();
        var errors = BundleValidation.of(bundle).errors();
        assertEquals(List.of("/settings/language", "/settings/timeZone"),
                errors.stream().map(FieldError::field).sorted().toList(), errors::toString);
        errors.forEach(error -> assertEquals("settings.json", error.file(), error::toString));
    }
}
