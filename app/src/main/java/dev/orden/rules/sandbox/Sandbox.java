package dev.orden.rules.sandbox;

import dev.orden.rules.Compilation;
import dev.orden.rules.CompiledRule;
import dev.orden.rules.Evaluation;
import dev.orden.rules.Limits;
import dev.orden.rules.RuleError;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;

/**
 * The GraalJS sandbox behind {@link dev.orden.rules.RuleEngine}: one {@link Engine} for the whole server (its code
 * cache shared by every context), per-tenant pools of hardened contexts, and a watchdog for deadlines and
 * allocation. A context that was cancelled, ran out of statements or failed inside GraalJS is closed, never pooled.
 */
public final class Sandbox implements AutoCloseable {

    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(10);
    private static final UUID WARM_UP_TENANT = new UUID(0, 0);
    private static final String WARM_UP_RULE = """
            function rule(input) {
              log(input.title);
              return keywords.any(input.title, ['fuga']) ? [{type: 'due', at: dates.addDays(input.created, 1)}] : [];
            }""";

    private static final String WARM_UP_INPUT = "{\"title\":\"Fuga de agua\",\"created\":\"2026-01-01\"}";

    private final SandboxConfig config;
    private final Engine engine;
    private final ContextPools pools;
    private final Watchdog watchdog = new Watchdog();
    private final Context parser;

    public Sandbox(SandboxConfig config) {
        this.config = config;
        this.engine = Engine.newBuilder("js")
                .sandbox(ContextFactory.POLICY)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                // Interpreter only, on purpose (app/pom.xml): no warning about it in every log.
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        var factory = new ContextFactory(engine, config);
        this.pools = new ContextPools(factory, config.contextsPerTenant(), config.pooledContexts(),
                config.spareContexts(), this::warmSpare);
        this.parser = factory.parser();
        warmUpEngine();
    }

    /**
     * The first evaluation in a process loads and initialises much of GraalJS (about a second, more on busy cores):
     * paid here, with a generous deadline, rather than by a tenant's first event under its own.
     */
    private void warmUpEngine() {
        var rule = (SandboxRule) ((Compilation.Compiled) compile("warm-up", WARM_UP_RULE)).rule();
        var outcome = guarded(WARM_UP_TENANT, rule, WARM_UP_INPUT,
                config.maxima().withTimeout(WARM_UP_TIMEOUT));
        pools.forget(WARM_UP_TENANT);
        if (!(outcome instanceof Evaluation.Effects)) throw new IllegalStateException("sandbox warm-up: " + outcome);
    }

    private SandboxRule warmUpRule;

    /**
     * A spare context runs the warm-up rule once, under the watchdog, so the tenant's next event finds it warm;
     * false when that left it unfit for pooling (a tenant's statement limit too small for it, a cancellation).
     */
    private boolean warmSpare(SandboxContext context) {
        if (warmUpRule == null) {
            warmUpRule = (SandboxRule) ((Compilation.Compiled) compile("warm-up", WARM_UP_RULE)).rule();
        }
        var limits = config.maxima().withTimeout(WARM_UP_TIMEOUT);
        var watch = watchdog.watch(context.context(), limits.timeout(), limits.allocatedBytes());
        try {
            context.run(warmUpRule, WARM_UP_INPUT, limits.maxEffects(), limits.maxResultChars(), limits.maxLogLines());
            watch.close();
            return watch.state() == Watchdog.State.DONE && !context.hasReachedLimit();
        } catch (PolyglotException | IllegalStateException e) {
            watch.close();
            return false;
        }
    }

    public Limits maxima() {
        return config.maxima();
    }

    /** Parses without running anything; a syntax error comes back with its line and column. */
    public Compilation compile(String name, String source) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (source.length() > config.maxSourceChars()) {
            return new Compilation.Rejected(RuleError.of(RuleError.Kind.SYNTAX,
                    "the source has " + source.length() + " characters, more than " + config.maxSourceChars()));
        }
        var rule = new SandboxRule(name, source);
        synchronized (parser) {
            try {
                parser.parse(rule.standalone());
                parser.parse(rule.program());
            } catch (PolyglotException e) {
                if (!e.isSyntaxError()) throw e;
                return new Compilation.Rejected(Failures.syntax(e, SandboxRule.STRICT.length()));
            }
        }
        return new Compilation.Compiled(rule);
    }

    /**
     * Runs the rule over the input (a JSON text: the rule receives a fresh deep copy, parsed inside the sandbox).
     * Rule errors come back as {@link Evaluation.Failed}; only a misuse by the host throws.
     */
    public Evaluation evaluate(UUID tenantId, CompiledRule compiled, String inputJson, Limits requested) {
        Objects.requireNonNull(inputJson, "inputJson");
        if (inputJson.length() >= config.maxStringLength()) {
            throw new IllegalArgumentException("rule input over " + config.maxStringLength() + " characters");
        }
        return guarded(tenantId, own(compiled), inputJson,
                requested == null ? config.maxima() : requested.within(config.maxima()));
    }

    /**
     * Sets the tenant's rules up in one of its contexts (compiled code in the engine, programs in the context), so
     * the first real evaluation is fast; returns the rules whose source declares no {@code rule} function or
     * fails at its top level. Nothing is evaluated over an input. The deadline is generous (a cold JVM is slow)
     * but a top-level {@code while (true) {}} still ends in a TIMEOUT.
     */
    public Map<CompiledRule, RuleError> warmUp(UUID tenantId, Collection<? extends CompiledRule> rules) {
        var problems = new LinkedHashMap<CompiledRule, RuleError>();
        for (var compiled : rules) {
            var limits = config.maxima().withTimeout(WARM_UP_TIMEOUT);
            if (guarded(tenantId, own(compiled), null, limits) instanceof Evaluation.Failed failed) {
                problems.put(compiled, failed.error());
            }
        }
        return problems;
    }

    /** One run under the watchdog and the statement limit; a null input only defines the rule. */
    private Evaluation guarded(UUID tenantId, SandboxRule rule, String inputJson, Limits limits) {
        Objects.requireNonNull(tenantId, "tenantId");
        var meter = new Meter(watchdog);
        var context = pools.take(tenantId, limits.statements(), rule);
        var watch = watchdog.watch(context.context(), limits.timeout(), limits.allocatedBytes());
        var reusable = false;
        try {
            var result = context.run(rule, inputJson, limits.maxEffects(), limits.maxResultChars(),
                    limits.maxLogLines());
            watch.close();
            if (watch.state() != Watchdog.State.DONE) return Results.cancelled(watch.state(), meter.usage());
            reusable = true;
            return Results.read(result, meter.usage());
        } catch (PolyglotException e) {
            watch.close();
            var error = Failures.of(e, watch.state(), context.hasReachedLimit(), rule);
            reusable = watch.state() == Watchdog.State.DONE && !context.hasReachedLimit() && e.isGuestException()
                    && !e.isCancelled() && !e.isInterrupted() && !e.isResourceExhausted() && !e.isInternalError();
            return Results.failed(error, reusable ? context.drainLog() : null, meter.usage());
        } catch (IllegalStateException e) {
            // The watchdog closed the context between two calls into it.
            watch.close();
            return Results.cancelled(watch.state(), meter.usage());
        } finally {
            if (reusable) pools.give(context); else context.close();
        }
    }

    /** Closes the tenant's idle contexts: call it when its rules change or the tenant goes away. */
    public void forget(UUID tenantId) {
        pools.forget(tenantId);
    }

    public int idleContexts(UUID tenantId) {
        return pools.idleContexts(tenantId);
    }

    private static SandboxRule own(CompiledRule compiled) {
        if (compiled instanceof SandboxRule rule) return rule;
        throw new IllegalArgumentException("not a rule compiled by this engine: " + compiled);
    }

    @Override
    public void close() {
        watchdog.close();
        pools.close();
        synchronized (parser) {
            parser.close();
        }
        engine.close(true);
    }

    /** Wall-clock time and heap allocated since it was made, on the calling thread. */
    private record Meter(Watchdog watchdog, long startNanos, long startBytes) {
        Meter(Watchdog watchdog) {
            this(watchdog, System.nanoTime(), watchdog.allocatedByCurrentThread());
        }

        Evaluation.Usage usage() {
            long bytes = startBytes < 0 ? -1 : watchdog.allocatedByCurrentThread() - startBytes;
            return new Evaluation.Usage((System.nanoTime() - startNanos) / 1_000, bytes);
        }
    }
}
