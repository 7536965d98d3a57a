package dev.orden.rules;

import java.util.Objects;

/**
 * Why a rule produced no effects. {@code line} and {@code column} (1-based) point into the rule's own source when
 * the error has a place there, else they are null.
 */
public record RuleError(Kind kind, String message, Integer line, Integer column) {

    public enum Kind {
        /** The source does not parse (found when compiling, before anything runs). */
        SYNTAX,
        /** The rule threw, including a stack overflow from deep recursion. */
        EXCEPTION,
        /** It ran past its wall-clock deadline and was cancelled. */
        TIMEOUT,
        /** It ran more statements than its limit allows. */
        STATEMENT_LIMIT,
        /** Too many effects, or their JSON is too large. */
        OUTPUT_LIMIT,
        /** It allocated more than allowed, or tried to build a string or array over the size limits. */
        MEMORY,
        /** It returned something else than an array of plain objects with a string {@code type}. */
        INVALID_RESULT
    }

    public RuleError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public static RuleError of(Kind kind, String message) {
        return new RuleError(kind, message, null, null);
    }

    /** The message with its place: "line 3, column 7: x is not defined". */
    public String placed() {
        return line == null ? message : "line " + line + ", column " + column + ": " + message;
    }

    @Override
    public String toString() {
        return kind + (line == null ? "" : " at " + line + ":" + column) + ": " + message;
    }
}
