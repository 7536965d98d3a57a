package dev.orden.rules.admin;

import dev.orden.rules.RuleError;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dry run found, order by order, and its summary. The effects listed are capped in size (a rule may return
 * up to its output limit on every order): past the cap an order's effects are only counted, as
 * {@code effectsOmitted}; the summary counts them all.
 */
final class DryRunReport {

    static final String NOT_RUN = "NOT_RUN";
    private static final int MAX_EFFECT_CHARS = 2_000_000;
    private static final int MAX_MESSAGE_CHARS = 500;

    private final JsonArrayBuilder results = Json.createArrayBuilder();
    private final List<Long> durations = new ArrayList<>();
    private final Map<String, Integer> effectsByType = new TreeMap<>();
    private int withEffects;
    private int errors;
    private int omitted;
    private long effectCharsLeft = MAX_EFFECT_CHARS;

    /** One order's findings, gathered while the rules run on it. */
    final class Result {
        private final OrderSamples.Sample sample;
        private final JsonArrayBuilder effects = Json.createArrayBuilder();
        private final JsonArrayBuilder errorList = Json.createArrayBuilder();
        private final JsonArrayBuilder log;
        private int effectCount;
        private int omittedHere;
        private long micros;

        private Result(OrderSamples.Sample sample, boolean withLog) {
            this.sample = sample;
            this.log = withLog ? Json.createArrayBuilder() : null;
        }

        void effects(String rule, JsonArray returned) {
            for (var effect : returned) {
                var type = effect instanceof JsonObject object && object.get("type") instanceof JsonString s
                        ? s.getString() : "?";
                effectsByType.merge(type, 1, Integer::sum);
                effectCount++;
                var chars = effect.toString().length();
                if (chars > effectCharsLeft) {
                    omittedHere++;
                } else {
                    effectCharsLeft -= chars;
                    effects.add(Json.createObjectBuilder().add("rule", rule).add("effect", effect));
                }
            }
        }

        void error(String rule, RuleError error) {
            var json = Json.createObjectBuilder().add("rule", rule).add("kind", error.kind().name())
                    .add("message", shortened(error.message()));
            if (error.line() != null) json.add("line", error.line()).add("column", error.column());
            errorList.add(json);
            errors++;
        }

        void notRun(String rule, String why) {
            errorList.add(Json.createObjectBuilder().add("rule", rule).add("kind", NOT_RUN).add("message", why));
            errors++;
        }

        void log(String rule, List<String> lines) {
            if (log != null) lines.forEach(line -> log.add(rule + ": " + line));
        }

        void took(long evaluationMicros) {
            micros += evaluationMicros;
        }
    }

    Result start(OrderSamples.Sample sample, boolean withLog) {
        return new Result(sample, withLog);
    }

    void finish(Result result) {
        var json = Json.createObjectBuilder();
        if (result.sample.id() != null) json.add("orderId", result.sample.id());
        if (result.sample.number() != null) json.add("number", result.sample.number());
        json.add("effects", result.effects).add("errors", result.errorList).add("durationMicros", result.micros);
        if (result.omittedHere > 0) json.add("effectsOmitted", result.omittedHere);
        if (result.log != null) json.add("log", result.log);
        results.add(json);
        durations.add(result.micros);
        if (result.effectCount > 0) withEffects++;
        omitted += result.omittedHere;
    }

    JsonObject json() {
        var byType = Json.createObjectBuilder();
        effectsByType.forEach(byType::add);
        var sorted = durations.stream().sorted().toList();
        var summary = Json.createObjectBuilder().add("orders", durations.size()).add("withEffects", withEffects)
                .add("errors", errors).add("effectsByType", byType)
                .add("p50Micros", percentile(sorted, 0.50)).add("p95Micros", percentile(sorted, 0.95));
        if (omitted > 0) summary.add("effectsOmitted", omitted);
        return Json.createObjectBuilder().add("results", results).add("summary", summary).build();
    }

    /** Nearest rank: the smallest value at or above the share {@code p} of them (0 when there are none). */
    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        var rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String shortened(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
