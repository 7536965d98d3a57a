package dev.orden.rules;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One case of a rule's tests ({@code rules/<key>.test.json}): an input, and the effects ({@code expect}, equal as
 * JSON, in order) or the kind of error ({@code expectError}) the rule must give for it. A case with neither passes
 * when the rule does not fail.
 */
record RuleTestCase(String name, String event, JsonObject input, JsonArray expect, String expectError) {

    private static final int SHOWN_CHARS = 300;

    /** The case, when it has the shape its schema asks for (a name and an input); the schema tells what is wrong. */
    static Optional<RuleTestCase> of(JsonValue json) {
        if (!(json instanceof JsonObject test) || !(test.get("name") instanceof JsonString name)
                || !(test.get("input") instanceof JsonObject input)) {
            return Optional.empty();
        }
        return Optional.of(new RuleTestCase(name.getString(), string(test.get("event")), input,
                test.get("expect") instanceof JsonArray expect ? expect : null, string(test.get("expectError"))));
    }

    /** The event it runs on: its own, else its input's, else the rule's first; null when none is known. */
    String eventFor(RuleDefinition rule) {
        if (event != null) return event;
        var given = string(input.get("event"));
        return given != null ? given : rule.firstEvent();
    }

    /** What is wrong with the case itself, before it runs. */
    Optional<String> mistake() {
        if (expect != null && expectError != null) return failing("give expect or expectError, not both");
        if (expectError != null && kind(expectError).isEmpty()) {
            return failing("expectError must be one of " + Arrays.toString(RuleError.Kind.values()));
        }
        return Optional.empty();
    }

    /** Why the evaluation does not pass the case; empty when it does. */
    Optional<String> failure(Evaluation evaluation) {
        return switch (evaluation) {
            case Evaluation.Effects got when expectError != null ->
                    failing("expected the error " + expectError + ", got " + shown(got.effects()));
            case Evaluation.Effects got when expect != null && !expect.equals(got.effects()) ->
                    failing("expected " + shown(expect) + ", got " + shown(got.effects()));
            case Evaluation.Effects got -> Optional.empty();
            case Evaluation.Failed got when kind(expectError).filter(got.error().kind()::equals).isPresent() ->
                    Optional.empty();
            case Evaluation.Failed got -> failing("expected " + expected() + ", got the error " + got.error().kind()
                    + " (" + got.error().placed() + ")");
        };
    }

    Optional<String> failing(String why) {
        return Optional.of("test '" + name + "': " + why);
    }

    private String expected() {
        return expectError != null ? "the error " + expectError : expect != null ? shown(expect) : "no error";
    }

    private static Optional<RuleError.Kind> kind(String name) {
        if (name == null) return Optional.empty();
        return Arrays.stream(RuleError.Kind.values()).filter(k -> k.name().equals(name.toUpperCase(Locale.ROOT)))
                .findFirst();
    }

    private static String shown(JsonValue json) {
        var text = json.toString();
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…";
    }

    private static String string(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }
}
