package dev.orden.rules.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * One hardened context of one tenant, used by one thread at a time (the pool sees to it), with the programs of the
 * rules it has run. Made by {@link ContextFactory}.
 */
final class SandboxContext implements AutoCloseable {

    private static final int PROGRAMS = 64;

    private final UUID tenantId;
    private final long statementLimit;
    private Context context;
    private Value run;
    private Value drainLog;
    private volatile boolean limitReached;
    private final Map<SandboxRule, Value> programs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SandboxRule, Value> eldest) {
            return size() > PROGRAMS;
        }
    };

    SandboxContext(UUID tenantId, long statementLimit) {
        this.tenantId = tenantId;
        this.statementLimit = statementLimit;
    }

    void attach(Context context, Value entryPoints) {
        this.context = context;
        this.run = entryPoints.getArrayElement(0);
        this.drainLog = entryPoints.getArrayElement(1);
    }

    UUID tenantId() {
        return tenantId;
    }

    long statementLimit() {
        return statementLimit;
    }

    Context context() {
        return context;
    }

    /** Called by GraalJS when the statement limit is reached; the context is unusable from then on. */
    void limitReached() {
        limitReached = true;
    }

    boolean hasReachedLimit() {
        return limitReached;
    }

    /** The rule's program evaluated in this context: a function that returns a fresh {@code rule} per call. */
    Value program(SandboxRule rule) {
        var program = programs.get(rule);
        if (program == null) {
            program = context.eval(rule.program());
            programs.put(rule, program);
        }
        return program;
    }

    /** Runs the rule over the input: [error kind or null, JSON or message, log lines, dropped lines]. */
    Value run(SandboxRule rule, String inputJson, int maxEffects, int maxResultChars, int maxLogLines) {
        context.resetLimits();
        return run.execute(program(rule), inputJson, maxEffects, maxResultChars, maxLogLines);
    }

    /** The log of the evaluation that just threw: [lines, dropped]. */
    Value drainLog() {
        return drainLog.execute();
    }

    @Override
    public void close() {
        try {
            context.close(true);
        } catch (RuntimeException e) {
            // A context cancelled or out of statements rethrows that on close: it is closed all the same.
        }
    }
}
