package dev.orden.rules.sandbox;

import dev.orden.rules.RuleError;
import dev.orden.rules.RuleError.Kind;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/** What a {@link PolyglotException} out of a rule means for the tenant, with the place in the rule's text. */
final class Failures {

    /** GraalJS's own size checks (string-length and typed-array limits) and the prelude's array guards. */
    private static final String[] MEMORY_ERRORS = {
        "RangeError: Invalid string length", "RangeError: Invalid typed array length",
        "RangeError: Array buffer allocation failed", "RangeError: Sandbox limit"
    };

    private Failures() {}

    static RuleError syntax(PolyglotException e, int prefixLength) {
        var at = e.getSourceLocation();
        return located(Kind.SYNTAX, syntaxMessage(e.getMessage()), at, prefixLength);
    }

    static RuleError of(PolyglotException e, Watchdog.State watch, boolean statementLimit, SandboxRule rule) {
        if (watch == Watchdog.State.TIMEOUT) return RuleError.of(Kind.TIMEOUT, "the rule ran past its time limit");
        if (watch == Watchdog.State.MEMORY) return RuleError.of(Kind.MEMORY, "the rule allocated too much memory");
        if (statementLimit) return RuleError.of(Kind.STATEMENT_LIMIT, "the rule ran too many statements");
        if (e.isResourceExhausted()) return RuleError.of(Kind.MEMORY, "the rule exhausted a server resource");
        if (e.isCancelled() || e.isInterrupted()) return RuleError.of(Kind.TIMEOUT, "the rule was cancelled");
        var message = e.getMessage() == null ? "error" : e.getMessage();
        var kind = e.isGuestException() && isMemory(message) ? Kind.MEMORY : Kind.EXCEPTION;
        if (!e.isGuestException()) message = "internal error in the sandbox";
        return located(kind, message, placeInRule(e, rule), SandboxRule.HEAD.length());
    }

    private static boolean isMemory(String message) {
        for (var prefix : MEMORY_ERRORS) {
            if (message.startsWith(prefix)) return true;
        }
        return false;
    }

    /** The innermost frame in the rule's own program: a helper's error points at the rule's call. */
    private static SourceSection placeInRule(PolyglotException e, SandboxRule rule) {
        for (var frame : e.getPolyglotStackTrace()) {
            var at = frame.getSourceLocation();
            if (frame.isGuestFrame() && at != null && at.getSource().equals(rule.program())) return at;
        }
        return null;
    }

    private static RuleError located(Kind kind, String message, SourceSection at, int prefixLength) {
        if (at == null || !at.isAvailable()) return RuleError.of(kind, message);
        int line = at.getStartLine();
        return new RuleError(kind, message, line, SandboxRule.column(line, at.getStartColumn(), prefixLength));
    }

    /** GraalJS puts "name.js:3:7 " in syntax messages, with the wrapper's columns: the error has its own place. */
    private static String syntaxMessage(String message) {
        return message == null ? "SyntaxError" : message.replaceFirst("^(SyntaxError: )?\\S+\\.js:\\d+:\\d+ ", "$1");
    }
}
