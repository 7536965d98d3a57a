package dev.orden.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationSetupTest {

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static final JsonObject BUNDLE = parse("""
            {"types": [{"key": "repair", "name": {"es": "Reparación", "en": "Repair"}, "workflow": "flow"}],
             "workflows": [{"key": "flow", "states": [{"key": "NEW", "name": {"es": "Nueva", "en": "New"}},
                                                      {"key": "DONE", "name": {"es": "Hecha", "en": "Done"}}]}],
             "fields": [{"key": "model", "label": {"es": "Modelo", "en": "Model"}}],
             "teams": [{"key": "north", "name": {"es": "Norte", "en": "North"}}],
             "settings": {"language": "es"},
             "notifications": {
               "events": {"assigned": [{"to": ["assignee", "team"], "channels": ["inapp", "email"]}],
                          "completed": [{"to": ["requester"], "channels": ["email"], "template": "thanks"}]},
               "templates": {"assigned": {"es": {"subject": "Para ti: {{number}}", "body": "{{typeName}} {{field.model}}"}},
                             "thanks": {"en": {"subject": "Thanks {{recipient}}", "body": "{{statusName}}"}}}}}
            """);

    @Test
    void routesComeFromTheTenantWithTheEventsTemplateByDefault() {
        var setup = NotificationSetup.of(BUNDLE);
        assertEquals(List.of(new NotificationSetup.Route(List.of("assignee", "team"), List.of("inapp", "email"),
                "assigned")), setup.routes("assigned"));
        assertEquals("thanks", setup.routes("completed").getFirst().template());
        assertEquals(List.of(), setup.routes("transferred"), "an event the tenant does not list tells no one");
        assertEquals("es", setup.defaultLanguage());
    }

    @Test
    void withoutThePartTheInboxDefaultsOfBeforeApply() {
        var setup = NotificationSetup.of(parse("{}"));
        assertEquals(List.of("assignee"), setup.routes("assigned").getFirst().to());
        assertEquals(List.of("inapp"), setup.routes("status_changed").getFirst().channels());
        assertEquals("en", setup.defaultLanguage());
    }

    @Test
    void aTenantTemplateOverridesItsLanguageOnlyAndFallsBackToEnglish() {
        var setup = NotificationSetup.of(BUNDLE);
        assertEquals("Para ti: {{number}}", setup.template("assigned", "es").orElseThrow().subject());
        assertEquals("{{number}} assigned to you: {{title}}", setup.template("assigned", "en").orElseThrow().subject(),
                "English is still the shipped one");
        assertEquals("Thanks {{recipient}}", setup.template("thanks", "es").orElseThrow().subject(),
                "a template written in English only serves Spanish readers too");
        assertTrue(setup.hasTemplate("thanks"));
        assertFalse(setup.hasTemplate("nope"));
        assertTrue(setup.template("nope", "es").isEmpty());
    }

    @Test
    void everyEventShipsInSpanishAndEnglish() {
        var shipped = NotificationSetup.shippedTemplates();
        for (var event : NotificationSetup.EVENTS) {
            for (var language : NotificationSetup.LANGUAGES) {
                var template = shipped.getJsonObject(event).getJsonObject(language);
                assertEquals(null, TemplateRenderer.check(template.getString("subject")), event + "/" + language);
                assertEquals(null, TemplateRenderer.check(template.getString("body")), event + "/" + language);
            }
        }
    }

    @Test
    void aRenderingUsesTheNamesOfTheRecipientsLanguage() {
        var snapshot = OrderSnapshot.take(new OrderSnapshot.Facts("REP-3", "Lavadora", "repair", "DONE", "NEW",
                "HIGH", "Alba", "north", Instant.parse("2026-03-02T10:15:00Z"), "Rita", "{\"model\": \"X100\"}",
                "Diego", null, null), BUNDLE, "https://p/workorders/REP-3");
        var setup = NotificationSetup.of(BUNDLE);
        var es = Rendering.of(setup, "assigned", "es", snapshot, "Alba");
        assertEquals("Para ti: REP-3", es.subject());
        assertEquals("Reparación X100", es.text());
        var en = Rendering.of(setup, "assigned", "en", snapshot, "Alba");
        assertTrue(en.text().contains("Diego assigned order REP-3 (Repair) to you."), en.text());
        assertTrue(en.text().contains("Status: Done\nPriority: HIGH\nTeam: north\nDue: 2026-03-02 10:15 UTC\n"
                + "Model: X100\n"), en.text());
        assertTrue(en.text().endsWith("See the order: https://p/workorders/REP-3"), en.text());
        var status = Rendering.of(setup, "status_changed", "es", snapshot, "Rita");
        assertTrue(status.text().contains("ha pasado de Nueva a Hecha"), status.text());
    }
}
