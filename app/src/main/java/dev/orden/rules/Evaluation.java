package dev.orden.rules;

import jakarta.json.JsonArray;
import java.util.List;

/**
 * The outcome of one evaluation: the effects, or the error that stopped the rule; either way what it logged and
 * what it cost.
 */
public sealed interface Evaluation {

    /** {@code log(...)} lines, in order, at most {@link Limits#maxLogLines()} of them. */
    List<String> log();

    /** Lines {@code log(...)} was asked for beyond the limit. */
    int droppedLogLines();

    Usage usage();

    /**
     * @param effects the returned array: plain objects, each with a string {@code type}; the host validates the rest
     */
    record Effects(JsonArray effects, List<String> log, int droppedLogLines, Usage usage) implements Evaluation {}

    record Failed(RuleError error, List<String> log, int droppedLogLines, Usage usage) implements Evaluation {}

    /**
     * What an evaluation used. GraalJS Community counts statements only to enforce the limit and tells no count, so
     * the budget reported is time and the heap the thread allocated (-1 where the JVM cannot tell).
     */
    record Usage(long durationMicros, long allocatedBytes) {}
}
