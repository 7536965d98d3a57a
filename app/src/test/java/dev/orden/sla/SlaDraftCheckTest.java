package dev.orden.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orden.config.BundleFiles;
import dev.orden.shared.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaDraftCheckTest {

    @Test
    void theDemoCalendarsPass() {
        for (var slug : List.of("acme", "globex")) {
            assertEquals(List.of(), SlaDraftCheck.problems(BundleFiles.readFolder(Path.of("..", "tenant-config", slug))));
        }
    }

    @Test
    void everyMistakeIsReportedAtItsPointer() {
        var bundle = bundle("""
                {"types": [{"key": "repair"}],
                 "sla": [{"key": "a", "zone": "Europe/Atlantis", "types": ["repair", "ghost"],
                          "hours": [{"days": ["mon"], "from": "18:00", "to": "09:00"}], "holidays": ["2026-02-30"],
                          "targets": [{"type": "repair"}, {"type": "repair"}, {"type": "nope", "priority": "LOW"}]},
                         {"key": "a", "zone": "UTC", "types": ["repair"]}]}""");
        assertEquals(List.of(
                "/sla/0/zone", "/sla/0/hours/0/to", "/sla/0/holidays/0", "/sla/0/types/1", "/sla/0/targets/1",
                "/sla/0/targets/2/type", "/sla/1/key", "/sla/1/types/0"),
                SlaDraftCheck.problems(bundle).stream().map(FieldError::field).toList());
    }

    private static JsonObject bundle(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
