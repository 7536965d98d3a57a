package dev.orden.rules;

import static dev.orden.rules.Rules.LIMITS;
import static dev.orden.rules.Rules.NO_STATEMENT_LIMIT;
import static dev.orden.rules.Rules.ORDER;
import static dev.orden.rules.Rules.assertHealthy;
import static dev.orden.rules.Rules.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.rules.RuleError.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Time, statements, stack, memory and output: each limit stops the rule, and the pool stays healthy. */
class RuleLimitsTest {

    private static final Limits FAST_DEADLINE = NO_STATEMENT_LIMIT.withTimeout(Duration.ofMillis(200));
    private static final Limits GENEROUS_DEADLINE = NO_STATEMENT_LIMIT.withTimeout(Duration.ofSeconds(5));

    @ParameterizedTest
    @ValueSource(strings = {
        "while (true) {}",
        "try { while (true) {} } finally { while (true) {} }",
        "for (;;) { try { while (true) {} } catch (e) { log('caught', e); } }",
        "const s = 'a'.repeat(100000); while (true) { s.indexOf('b'); }",
    })
    void aRunawayLoopIsCancelledAtItsDeadline(String loop) {
        var tenant = UUID.randomUUID();
        long start = System.nanoTime();
        fails(Kind.TIMEOUT, tenant, "function rule() { " + loop + " }", FAST_DEADLINE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1_000, () -> "stopped after " + millis + " ms");
        assertHealthy(tenant);
    }

    @Test
    void theStatementLimitStopsALoopAndItsContextIsDiscarded() {
        var tenant = UUID.randomUUID();
        assertHealthy(tenant);
        int idle = Rules.ENGINE.idleContexts(tenant);
        fails(Kind.STATEMENT_LIMIT, tenant, "function rule() { let i = 0; while (true) { i++; } }", LIMITS);
        assertEquals(idle - 1, Rules.ENGINE.idleContexts(tenant), "the exhausted context went back to the pool");
        assertHealthy(tenant);
    }

    @Test
    void aRuleNamedLikeThePreludeIsCountedAllTheSame() {
        var rule = Rules.ENGINE.compile("orden-prelude", "function rule() { for (;;) {} }");
        var result = Rules.ENGINE.evaluate(UUID.randomUUID(),
                assertInstanceOf(Compilation.Compiled.class, rule).rule(), ORDER, LIMITS);
        assertEquals(Kind.STATEMENT_LIMIT, assertInstanceOf(Evaluation.Failed.class, result).error().kind());
    }

    @Test
    void onlyTheRulesOwnStatementsCountNotTheSandboxSetUpOrHelpers() {
        var result = Rules.evaluate(UUID.randomUUID(),
                "function rule(input) { return [{type: 'x', leak: keywords.any(input.title, ['agua'])}]; }",
                ORDER, LIMITS.withStatements(20));
        assertEquals("[{\"type\":\"x\",\"leak\":true}]",
                assertInstanceOf(Evaluation.Effects.class, result, result::toString).effects().toString());
    }

    @Test
    void aRuleUnderItsStatementLimitRunsInFull() {
        var result = Rules.evaluate(UUID.randomUUID(), """
                function rule() { let n = 0; for (let i = 0; i < 20000; i++) n += i; return [{type: 'sum', n}]; }""",
                ORDER, LIMITS);
        assertEquals("[{\"type\":\"sum\",\"n\":199990000}]",
                assertInstanceOf(Evaluation.Effects.class, result, result::toString).effects().toString());
    }

    @Test
    void deepRecursionIsAStackOverflowError() {
        var tenant = UUID.randomUUID();
        var error = fails(Kind.EXCEPTION, tenant, "function rule() { const f = (n) => f(n + 1) + 1; return f(0); }",
                GENEROUS_DEADLINE);
        assertTrue(error.message().contains("Maximum call stack size exceeded"), error::toString);
        assertHealthy(tenant);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "'x'.repeat(2 ** 29)",
        "(() => { let s = 'x'; for (let i = 0; i < 40; i++) s += s; return s; })()",
        "new Array(1e8).join('x')",
        "'x'.padEnd(2 ** 30)",
        "new Array(1e9).fill(0)",
        "Array.from({length: 1e9})",
        "Array.prototype.slice.call({length: 1e9})",
        "new Array(1e9).toReversed()",
        "(() => { let a = [1]; for (let i = 0; i < 40; i++) a = a.concat(a); return a; })()",
        "new Uint8Array(2 ** 30)",
        "new ArrayBuffer(2 ** 30)",
        "new Float64Array(1e8).fill(1)",
    })
    void memoryBombsHitASizeLimit(String bomb) {
        var tenant = UUID.randomUUID();
        // A generous deadline: these must hit a size limit (MEMORY), not the clock (TIMEOUT), even on busy cores.
        fails(Kind.MEMORY, tenant, "function rule() { const big = " + bomb + "; return []; }", GENEROUS_DEADLINE);
        assertHealthy(tenant);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "const m = new Map(); for (let i = 0; ; i++) m.set(i, {i, s: 'v' + i});",
        "const a = []; for (let i = 0; ; i++) a.push({i});",
        "const big = [...new Array(5e8)];",
    })
    void allocationOverTheBudgetIsCancelled(String bomb) {
        var tenant = UUID.randomUUID();
        var limits = NO_STATEMENT_LIMIT.withAllocatedBytes(16L << 20).withTimeout(Duration.ofSeconds(5));
        var failed = fails(Kind.MEMORY, tenant, "function rule() { " + bomb + " return []; }", limits);
        assertTrue(failed.message().contains("memory"), failed::toString);
        assertHealthy(tenant);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Array.from({length: 51}, (_, i) => ({type: 'comment', i}))",
        "new Array(1000).fill({type: 'comment'})",
        "[{type: 'comment', text: 'x'.repeat(100000)}]",
        "Array.from({length: 10}, () => ({type: 'comment', text: 'x'.repeat(1e6)}))",
    })
    void tooManyOrTooLargeEffectsAreAnOutputLimit(String effects) {
        var tenant = UUID.randomUUID();
        fails(Kind.OUTPUT_LIMIT, tenant, "function rule() { return " + effects + "; }", GENEROUS_DEADLINE);
        assertHealthy(tenant);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "'assign'", "null", "undefined", "{type: 'assign'}", "[{}]", "[{type: 1}]", "[null]", "[[]]",
        "[new Date()]", "[() => 1]", "[Symbol('effect')]",
        "(() => { const e = {type: 'x'}; e.self = e; return [e]; })()", "[{type: 'x', n: 10n}]",
        "Promise.resolve([])",
    })
    void anythingButAnArrayOfPlainObjectsWithATypeIsInvalid(String result) {
        var tenant = UUID.randomUUID();
        fails(Kind.INVALID_RESULT, tenant, "function rule() { return " + result + "; }", LIMITS);
        assertHealthy(tenant);
    }

    @Test
    void whatJsonCannotCarryInsideAnEffectIsLeftOutAsJsonDoes() {
        var result = Rules.effects(UUID.randomUUID(),
                "function rule() { return [{type: 'x', run() {}, s: Symbol('s'), u: undefined, n: NaN}]; }", ORDER);
        assertEquals("[{\"type\":\"x\",\"n\":null}]", result.effects().toString());
    }

    @Test
    void aRuleThatDeclaresNoRuleFunctionIsInvalid() {
        var error = fails(Kind.INVALID_RESULT, "function route(input) { return []; }");
        assertTrue(error.message().contains("function rule(input)"), error::toString);
    }

    @Test
    void tenantsInParallelThreadsNeitherLeakNorWaitForARunawayRule() throws Exception {
        var tenants = new ArrayList<UUID>();
        for (int i = 0; i < 3; i++) tenants.add(UUID.randomUUID());
        var rule = Rules.compile("""
                function rule(input) {
                  try { Object.prototype.owner = input.tenant; } catch (e) { /* frozen */ }
                  try { globalThis.leak = input.tenant; } catch (e) { /* frozen */ }
                  log(input.tenant);
                  return [{type: 'echo', tenant: input.tenant, owner: ({}).owner ?? null, leak: globalThis.leak ?? null}];
                }""");
        var runaway = Rules.compile("function rule() { while (true) {} }");
        try (var pool = Executors.newFixedThreadPool(4)) {
            var jobs = new ArrayList<Future<String>>();
            jobs.add(pool.submit(() -> Rules.ENGINE.evaluate(tenants.get(0), runaway, ORDER,
                    NO_STATEMENT_LIMIT.withTimeout(Duration.ofSeconds(3))).toString()));
            for (int i = 0; i < 300; i++) {
                var tenant = tenants.get(i % tenants.size());
                jobs.add(pool.submit(echo(rule, tenant)));
            }
            assertTrue(jobs.getFirst().get().contains("TIMEOUT"));
            for (var job : jobs.subList(1, jobs.size())) assertEquals("ok", job.get());
        }
        tenants.forEach(Rules::assertHealthy);
    }

    private static Callable<String> echo(CompiledRule rule, UUID tenant) {
        return () -> {
            var input = "{\"tenant\":\"" + tenant + "\"}";
            var result = Rules.ENGINE.evaluate(tenant, rule, input, LIMITS);
            var effects = assertInstanceOf(Evaluation.Effects.class, result, result::toString);
            assertEquals("[{\"type\":\"echo\",\"tenant\":\"" + tenant + "\",\"owner\":null,\"leak\":null}]",
                    effects.effects().toString());
            assertEquals(java.util.List.of(tenant.toString()), effects.log());
            assertTrue(effects.usage().durationMicros() < 1_500_000, "waited behind the runaway evaluation");
            return "ok";
        };
    }
}
