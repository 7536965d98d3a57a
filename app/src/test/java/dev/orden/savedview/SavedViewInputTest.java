package dev.orden.savedview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SavedViewInputTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<String> fields(String body) {
        var problem = assertThrows(ProblemException.class, () -> SavedViewInput.read(json(body))).problem();
        return problem.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void keepsTheListParametersAsGiven() {
        var input = SavedViewInput.read(json("""
                {"name": "  Urgent washers ", "queue": "mine", "filters": {"status": ["NEW", "ASSIGNED"],
                 "priority": "URGENT", "cf.partsCost.gte": "10", "cf.model": "X100", "sla": "at-risk"}}"""));
        assertEquals("Urgent washers", input.name());
        assertEquals("mine", input.queue());
        assertEquals(json("""
                {"status": ["NEW", "ASSIGNED"], "priority": "URGENT", "cf.partsCost.gte": "10", "cf.model": "X100",
                 "sla": "at-risk"}"""), input.filters());
        assertEquals(json("{}"), SavedViewInput.read(json("{\"name\": \"all\", \"queue\": \"all\"}")).filters());
    }

    @Test
    void reportsEveryMistakeByField() {
        assertEquals(List.of("name", "queue"), fields("{}"));
        assertEquals(List.of("owner", "name", "queue", "filters.cf.bad-key", "filters.limit", "filters.type"), fields("""
                {"owner": "someone", "name": "", "queue": "everything",
                 "filters": {"cf.bad-key": "1", "limit": "200", "type": {"key": "repair"}}}"""));
        assertEquals(List.of("name"), fields("{\"name\": \"" + "n".repeat(101) + "\", \"queue\": \"all\"}"));
        assertEquals(List.of("filters"), fields("{\"name\": \"x\", \"queue\": \"all\", \"filters\": []}"));
        assertEquals(List.of("filters.status"), fields("{\"name\": \"x\", \"queue\": \"all\", \"filters\": {\"status\": [1]}}"));
        assertEquals(List.of("name"), fields("{\"name\": 5, \"queue\": \"all\"}"));
    }
}
