package dev.orden.rules;

import dev.orden.rules.sandbox.SandboxConfig;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the evaluation after a lost context pays for a new one: before each measured evaluation of the routing rule,
 * a runaway rule of the same tenant uses up its statement limit (its context is closed, never pooled), and the
 * next event arrives {@code pauseMillis} later. With {@code spareContexts=0} that evaluation makes a hardened
 * context itself; with 1 the pool made one in the background meanwhile. docs/performance.md, "Flow rules".
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(1)
@State(Scope.Benchmark)
public class ContextLossBenchmark {

    @Param({"0", "1"})
    public int spareContexts;

    @Param({"50"})
    public int pauseMillis;

    private final UUID tenant = UUID.randomUUID();
    private RuleEngine engine;
    private CompiledRule route;
    private CompiledRule runaway;

    @Setup(Level.Trial)
    public void setUp() {
        engine = RuleEngine.of(SandboxConfig.defaults().withSpareContexts(spareContexts));
        route = ((Compilation.Compiled) engine.compile("route", RulesBenchmark.RULE)).rule();
        runaway = ((Compilation.Compiled) engine.compile("runaway", "function rule() { for (;;) {} }")).rule();
    }

    @Setup(Level.Invocation)
    public void loseAContext() throws InterruptedException {
        if (!(engine.evaluate(tenant, runaway, RulesBenchmark.ORDER) instanceof Evaluation.Failed)) {
            throw new IllegalStateException("the runaway rule was not stopped");
        }
        Thread.sleep(pauseMillis);
    }

    @Benchmark
    public Evaluation afterALostContext() {
        return engine.evaluate(tenant, route, RulesBenchmark.ORDER);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }
}
