package dev.orden.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditDiffsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new java.io.StringReader(text)).readObject();
    }

    @Test
    void aConfigurationDiffNamesThePartsItTouches() {
        var before = json("{\"teams\":[{\"key\":\"a\"}],\"settings\":{\"timeZone\":\"UTC\"},\"a/b\":1}");
        var after = json("{\"teams\":[{\"key\":\"b\"}],\"settings\":{\"timeZone\":\"UTC\"},\"a/b\":2}");
        var diff = AuditDiffs.configuration(before, after);
        assertEquals(Set.of("teams", "a/b"), AuditDiffs.strings(diff.get("parts")));
        assertEquals(2, diff.getJsonArray("patch").size());
    }

    @Test
    void aLargeDiffKeepsItsPathsThenOnlyItsParts() {
        var big = "x".repeat(5_000);
        var diff = AuditDiffs.configuration(json("{\"rules\":{\"r\":\"\"}}"),
                json("{\"rules\":{\"r\":\"" + big + "\"}}"));
        assertSame(diff, AuditDiffs.bounded(diff, 10_000));
        var slim = AuditDiffs.bounded(diff, 1_000);
        assertTrue(slim.getBoolean("truncated"));
        assertEquals("/rules/r", slim.getJsonArray("patch").getJsonObject(0).getString("path"));
        assertFalse(slim.getJsonArray("patch").getJsonObject(0).containsKey("value"));
        var partsOnly = AuditDiffs.bounded(diff, 60);
        assertEquals(Set.of("rules"), AuditDiffs.strings(partsOnly.get("parts")));
        assertFalse(partsOnly.containsKey("patch"));
    }

    @Test
    void pluginsComeFromStrategiesChannelsAndAPluginsPart() {
        var bundle = json("""
                {"assignment": {"strategies": [{"key": "least-loaded"}, {"key": "geo"}]},
                 "notifications": {"events": {"assigned": [{"to": ["assignee"], "channels": ["inapp", "sms"]}],
                                              "completed": [{"to": ["requester"], "channels": ["email"]}]}},
                 "plugins": {"scanner": true, "legacy": {"enabled": false}, "crm": {"enabled": true}}}""");
        assertEquals(List.of("assignment-strategy/geo", "assignment-strategy/least-loaded",
                "notification-channel/email", "notification-channel/inapp", "notification-channel/sms",
                "plugin/crm", "plugin/scanner"), List.copyOf(PluginSelection.enabled(bundle)));
    }
}
