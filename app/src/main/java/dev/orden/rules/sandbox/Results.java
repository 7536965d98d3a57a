package dev.orden.rules.sandbox;

import dev.orden.rules.Evaluation;
import dev.orden.rules.RuleError;
import dev.orden.shared.json.Json;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/** Turns what the prelude's {@code run} and {@code drainLog} return into {@link Evaluation}s. */
final class Results {

    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private Results() {}

    /** [error kind or null, effects JSON or message, log lines, dropped lines]. */
    static Evaluation read(Value result, Evaluation.Usage usage) {
        var kind = result.getArrayElement(0);
        var payload = result.getArrayElement(1).asString();
        var log = lines(result.getArrayElement(2));
        int dropped = result.getArrayElement(3).asInt();
        if (!kind.isNull()) {
            var error = RuleError.of(RuleError.Kind.valueOf(kind.asString()), payload);
            return new Evaluation.Failed(error, log, dropped, usage);
        }
        try (var reader = JSON.createReader(new StringReader(payload))) {
            return new Evaluation.Effects(reader.readArray(), log, dropped, usage);
        }
    }

    /** @param drained [lines, dropped] of a context still usable, or null when it is not */
    static Evaluation failed(RuleError error, Value drained, Evaluation.Usage usage) {
        if (drained == null) return new Evaluation.Failed(error, List.of(), 0, usage);
        return new Evaluation.Failed(error, lines(drained.getArrayElement(0)), drained.getArrayElement(1).asInt(), usage);
    }

    static Evaluation cancelled(Watchdog.State state, Evaluation.Usage usage) {
        var error = state == Watchdog.State.MEMORY
                ? RuleError.of(RuleError.Kind.MEMORY, "the rule allocated too much memory")
                : RuleError.of(RuleError.Kind.TIMEOUT, "the rule ran past its time limit");
        return new Evaluation.Failed(error, List.of(), 0, usage);
    }

    private static List<String> lines(Value array) {
        long size = array.getArraySize();
        var lines = new ArrayList<String>((int) size);
        for (long i = 0; i < size; i++) lines.add(array.getArrayElement(i).asString());
        return List.copyOf(lines);
    }
}
