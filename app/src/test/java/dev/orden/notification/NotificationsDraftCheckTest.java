package dev.orden.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.config.BundleFiles;
import dev.orden.config.BundleValidation;
import dev.orden.shared.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationsDraftCheckTest {

    private static final Set<String> INSTALLED = Set.of("inapp", "email");

    private static JsonObject bundle(String notifications) {
        var demo = BundleFiles.readFolder(Path.of("..", "tenant-config", "acme"));
        try (var reader = Json.createReader(new StringReader(notifications))) {
            return Json.createObjectBuilder(demo).add("notifications", reader.readObject()).build();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "globex", "_default"})
    void theShippedConfigurationsAreValid(String folder) {
        var bundle = BundleFiles.readFolder(Path.of("..", "tenant-config", folder));
        assertTrue(bundle.containsKey("notifications"));
        assertEquals(List.of(), NotificationsDraftCheck.problems(bundle, INSTALLED::contains));
        assertEquals(List.of(), BundleValidation.of(bundle).errors().stream()
                .filter(e -> e.field().startsWith("/notifications")).toList());
    }

    @Test
    void theSchemaRefusesUnknownEventsRecipientsAndLanguagesAtTheirPointerInNotificationsJson() {
        var errors = BundleValidation.of(bundle("""
                {"events": {"exploded": [],
                            "assigned": [{"to": ["boss"], "channels": ["email"]}],
                            "completed": [{"to": ["requester"]}]},
                 "templates": {"assigned": {"de": {"subject": "x", "body": "y"}},
                               "completed": {"es": {"subject": "", "body": "y"}}}}""")).errors().stream()
                .filter(e -> "notifications.json".equals(e.file())).toList();
        var pointers = errors.stream().map(FieldError::pointer).collect(Collectors.toSet());
        assertTrue(pointers.containsAll(Set.of("/events/assigned/0/to/0", "/events/completed/0/channels",
                "/templates/completed/es/subject")), pointers.toString());
        assertTrue(pointers.stream().anyMatch(p -> p.startsWith("/events")), pointers.toString());
        assertTrue(pointers.stream().anyMatch(p -> p.startsWith("/templates/assigned")), pointers.toString());
    }

    @Test
    void channelsMustBeInstalledTemplatesKnownAndCompiling() {
        var errors = NotificationsDraftCheck.problems(bundle("""
                {"events": {"assigned": [{"to": ["assignee"], "channels": ["inapp", "webhook"]}],
                            "completed": [{"to": ["requester"], "channels": ["email"], "template": "ghost"}]},
                 "templates": {"assigned": {"es": {"subject": "{{#open}}", "body": "{{> secrets}}"}}}}"""),
                INSTALLED::contains);
        var byField = errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
        assertEquals(Set.of("/notifications/events/assigned/0/channels/1", "/notifications/events/completed/0/template",
                "/notifications/templates/assigned/es/subject", "/notifications/templates/assigned/es/body"),
                byField.keySet());
        assertTrue(byField.get("/notifications/events/assigned/0/channels/1").contains("no channel 'webhook'"));
        assertTrue(byField.get("/notifications/events/completed/0/template").contains("ghost"));
    }
}
