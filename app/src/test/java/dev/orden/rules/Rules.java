package dev.orden.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.rules.sandbox.SandboxConfig;
import java.time.Duration;
import java.util.UUID;

/**
 * One real sandbox for the rule tests (GraalJS's first start costs about a second: paid once per test JVM). Its
 * maxima are high so each test can pick the limit it exercises; {@link #LIMITS} are the production defaults.
 */
final class Rules {

    static final Limits LIMITS = Limits.defaults();
    static final Limits NO_STATEMENT_LIMIT = LIMITS.withStatements(10_000_000_000L);
    static final String ORDER = """
            {"number":"WO-7","title":"Fuga de agua","priority":"LOW","customFields":{"city":"Córdoba"}}""";
    private static final String PROBE = """
            function rule(input) {
              return [{type: 'probe', polluted: ({}).polluted ?? null, leak: globalThis.leak ?? null,
                       title: input.title, added: Object.keys(Object.prototype).length}];
            }""";

    /** No spare contexts made in the background, so that pool counts can be asserted exactly (RuleEngineTest). */
    static final RuleEngine ENGINE = RuleEngine.of(SandboxConfig.defaults().withSpareContexts(0)
            .withMaxima(new Limits(10_000_000_000L, Duration.ofSeconds(5), 1L << 30, 50, 64 * 1024, 50)));

    private Rules() {}

    static CompiledRule compile(String source) {
        var compilation = ENGINE.compile("test-rule", source);
        return assertInstanceOf(Compilation.Compiled.class, compilation, compilation::toString).rule();
    }

    static Evaluation evaluate(UUID tenant, String source, String input, Limits limits) {
        return ENGINE.evaluate(tenant, compile(source), input, limits);
    }

    static Evaluation.Effects effects(UUID tenant, String source, String input) {
        var result = evaluate(tenant, source, input, LIMITS);
        return assertInstanceOf(Evaluation.Effects.class, result, result::toString);
    }

    static RuleError fails(RuleError.Kind kind, UUID tenant, String source, Limits limits) {
        var result = evaluate(tenant, source, ORDER, limits);
        var failed = assertInstanceOf(Evaluation.Failed.class, result, result::toString);
        assertEquals(kind, failed.error().kind(), failed.error()::toString);
        return failed.error();
    }

    static RuleError fails(RuleError.Kind kind, String source) {
        return fails(kind, UUID.randomUUID(), source, LIMITS);
    }

    /**
     * The tenant's next evaluation runs normally in a clean realm, the calling thread is not left interrupted, and
     * the tenant's pool hands out healthy contexts again.
     */
    static void assertHealthy(UUID tenant) {
        assertFalse(Thread.currentThread().isInterrupted(), "the server thread is left interrupted");
        var result = effects(tenant, PROBE, ORDER);
        assertEquals("[{\"type\":\"probe\",\"polluted\":null,\"leak\":null,\"title\":\"Fuga de agua\","
                + "\"added\":0}]", result.effects().toString());
        assertTrue(ENGINE.idleContexts(tenant) >= 1, "no healthy context back in the pool");
    }
}
