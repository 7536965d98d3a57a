package dev.orden.rules;

import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.Optional;

/** One rule evaluated on one event: the rule, the version it belongs to, and what the sandbox answered. */
public record RuleRun(RuleDefinition definition, int configVersion, String event, Evaluation evaluation) {

    /** The effects it returned; none when it failed. */
    public JsonArray effects() {
        return evaluation instanceof Evaluation.Effects effects ? effects.effects() : JsonValue.EMPTY_JSON_ARRAY;
    }

    public Optional<RuleError> error() {
        return evaluation instanceof Evaluation.Failed failed ? Optional.of(failed.error()) : Optional.empty();
    }

    public boolean isShadow() {
        return definition.mode() == RuleDefinition.Mode.SHADOW;
    }

    /** How the history names it: "rule route_leaks v7". */
    public String label() {
        return "rule " + definition.key() + " v" + configVersion;
    }

    /** Longest error message kept in a trace or the history: a rule may throw a message of any size. */
    static final int MAX_MESSAGE = 2_000;

    static String errorJson(RuleError error) {
        var json = Json.createObjectBuilder().add("kind", error.kind().name()).add("message", shortMessage(error));
        if (error.line() != null) json.add("line", error.line());
        if (error.column() != null) json.add("column", error.column());
        return json.build().toString();
    }

    /** The error's message, cut to {@value #MAX_MESSAGE} characters. */
    public static String shortMessage(RuleError error) {
        var message = error.message();
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }

    static String logJson(Evaluation evaluation) {
        var lines = Json.createArrayBuilder();
        evaluation.log().forEach(lines::add);
        return lines.build().toString();
    }
}
