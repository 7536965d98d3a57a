package dev.orden.rules.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.rules.RuleError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dry run's report: per-order entries, the summary's counts and percentiles, and the caps on what it lists. */
class DryRunReportTest {

    private static OrderSamples.Sample order(int n) {
        return new OrderSamples.Sample("id-" + n, "WO-" + n, "general", JsonValue.EMPTY_JSON_OBJECT);
    }

    private static JsonObject effect(String type, int chars) {
        return Json.createObjectBuilder().add("type", type).add("body", "x".repeat(chars)).build();
    }

    @Test
    void percentilesAreNearestRank() {
        var sorted = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        assertEquals(50, DryRunReport.percentile(sorted, 0.50));
        assertEquals(100, DryRunReport.percentile(sorted, 0.95));
        assertEquals(7, DryRunReport.percentile(List.of(7L), 0.95));
        assertEquals(0, DryRunReport.percentile(List.of(), 0.50));
    }

    @Test
    void theSummaryCountsOrdersWithEffectsErrorsAndEffectsByType() {
        var report = new DryRunReport();
        var first = report.start(order(1), false);
        first.effects("route", Json.createArrayBuilder().add(effect("assign", 1)).add(effect("comment", 1)).build());
        first.took(300);
        report.finish(first);
        var second = report.start(order(2), false);
        second.error("route", new RuleError(RuleError.Kind.EXCEPTION, "boom", 3, 7));
        second.notRun("other", "not run: because");
        second.took(100);
        report.finish(second);

        var json = report.json();
        var summary = json.getJsonObject("summary");
        assertEquals(2, summary.getInt("orders"));
        assertEquals(1, summary.getInt("withEffects"));
        assertEquals(2, summary.getInt("errors"));
        assertEquals(Json.createObjectBuilder().add("assign", 1).add("comment", 1).build(),
                summary.getJsonObject("effectsByType"));
        assertEquals(100, summary.getInt("p50Micros"));
        assertEquals(300, summary.getInt("p95Micros"));
        var errors = json.getJsonArray("results").getJsonObject(1).getJsonArray("errors");
        assertEquals(Json.createObjectBuilder().add("rule", "route").add("kind", "EXCEPTION").add("message", "boom")
                .add("line", 3).add("column", 7).build(), errors.getJsonObject(0));
        assertEquals("NOT_RUN", errors.getJsonObject(1).getString("kind"));
    }

    @Test
    void effectsPastTheSizeCapAreCountedButNotListedAndLongMessagesAreCut() {
        var report = new DryRunReport();
        for (int n = 1; n <= 3; n++) {
            var result = report.start(order(n), false);
            result.effects("big", Json.createArrayBuilder().add(effect("comment", 900_000)).build());
            report.finish(result);
        }
        var last = report.start(order(4), true);
        last.error("big", RuleError.of(RuleError.Kind.EXCEPTION, "y".repeat(10_000)));
        last.log("big", List.of("one line"));
        report.finish(last);

        var json = report.json();
        var results = json.getJsonArray("results");
        assertEquals(1, results.getJsonObject(1).getJsonArray("effects").size());
        assertEquals(0, results.getJsonObject(2).getJsonArray("effects").size());
        assertEquals(1, results.getJsonObject(2).getInt("effectsOmitted"));
        assertFalse(results.getJsonObject(1).containsKey("effectsOmitted"));
        assertEquals(3, json.getJsonObject("summary").getJsonObject("effectsByType").getInt("comment"));
        assertEquals(3, json.getJsonObject("summary").getInt("withEffects"));
        assertEquals(1, json.getJsonObject("summary").getInt("effectsOmitted"));
        var message = results.getJsonObject(3).getJsonArray("errors").getJsonObject(0).getString("message");
        assertTrue(message.length() <= 501, "cut to 500 characters and an ellipsis: " + message.length());
        assertEquals(Json.createArrayBuilder().add("big: one line").build(), results.getJsonObject(3).get("log"));
        assertFalse(results.getJsonObject(0).containsKey("log"));
    }
}
