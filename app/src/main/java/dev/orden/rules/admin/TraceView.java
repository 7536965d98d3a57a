package dev.orden.rules.admin;

import dev.orden.rules.RuleTrace;
import dev.orden.shared.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/** One evaluation of a rule, as the per-rule error log shows it: where, when, how it ended and why. */
public record TraceView(String id, Instant at, String rule, String ruleName, int configVersion, String event,
                        String mode, String outcome, String orderId, long durationMicros, Long allocatedBytes,
                        JsonValue error, JsonValue effects, JsonValue log) {

    static TraceView of(RuleTrace t) {
        return new TraceView(t.id().toString(), t.occurredAt(), t.ruleKey(), t.ruleName(), t.configVersion(),
                t.event(), t.mode().name(), t.outcome().name(),
                t.workOrderId() == null ? null : t.workOrderId().toString(), t.durationMicros(), t.allocatedBytes(),
                t.error() == null ? null : parse(t.error()), parse(t.effects()), parse(t.log()));
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
