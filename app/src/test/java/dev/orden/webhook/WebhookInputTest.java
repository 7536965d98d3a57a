package dev.orden.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookInputTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<String> fields(Runnable reading) {
        var problem = assertThrows(ProblemException.class, reading::run).problem();
        return problem.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aNewWebhookNeedsNameUrlAndEvents() {
        assertEquals(List.of("name", "url", "events"), fields(() -> WebhookInput.create(json("{}"), true)));
        var input = WebhookInput.create(json("""
                {"name": "crm", "url": "https://127.0.0.1/hook", "events": ["workorder.created", "comment.added",
                 "workorder.created"]}"""), true);
        assertEquals(List.of("workorder.created", "comment.added"), input.events(), "each event once, in order");
        assertNull(input.active(), "active unless told otherwise");
    }

    @Test
    void aChangeNamesOnlyWhatChanges() {
        var input = WebhookInput.change(json("{\"active\": false}"), false);
        assertEquals(new WebhookInput(null, null, null, false), input);
        assertEquals(List.of("name"), fields(() -> WebhookInput.change(json("{\"name\": null}"), true)));
    }

    @Test
    void everyMistakeIsReportedAtItsField() {
        assertEquals(List.of("colour", "name", "url", "events[1]", "active"), fields(() -> WebhookInput.create(json("""
                {"name": "CRM!", "url": "ftp://x.example/", "events": ["comment.added", "order.exploded"],
                 "active": "yes", "colour": "red"}"""), true)));
        assertEquals(List.of("url"), fields(() -> WebhookInput.change(json("""
                {"url": "http://169.254.169.254/latest/meta-data/"}"""), false)));
        assertEquals(List.of("events"), fields(() -> WebhookInput.change(json("{\"events\": []}"), true)));
    }
}
