package dev.orden.rules;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * Live rule evaluations counted through MicroProfile Telemetry: {@code orden.rules.evaluations}, by
 * {@code outcome} ({@code effects} or {@code error}) and, for errors, {@code error.kind} ({@code TIMEOUT} counts the
 * timeouts). Exported only where OpenTelemetry is switched on ({@code OTEL_SDK_DISABLED=false} and an exporter);
 * otherwise the counter costs next to nothing. No tenant attribute: per-tenant figures are in the rule traces.
 */
@ApplicationScoped
public class RuleMetrics {

    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
    private static final AttributeKey<String> KIND = AttributeKey.stringKey("error.kind");
    private static final Attributes EFFECTS = Attributes.of(OUTCOME, "effects");

    @Inject
    Meter meter;

    private LongCounter evaluations;
    private final Map<RuleError.Kind, Attributes> errors = new EnumMap<>(RuleError.Kind.class);

    @PostConstruct
    void init() {
        evaluations = meter.counterBuilder("orden.rules.evaluations")
                .setDescription("Flow-rule evaluations on live events, by outcome and error kind")
                .setUnit("{evaluation}")
                .build();
        for (var kind : RuleError.Kind.values()) errors.put(kind, Attributes.of(OUTCOME, "error", KIND, kind.name()));
    }

    void count(Evaluation evaluation) {
        evaluations.add(1, switch (evaluation) {
            case Evaluation.Effects ok -> EFFECTS;
            case Evaluation.Failed failed -> errors.get(failed.error().kind());
        });
    }
}
