package dev.orden.rules;

import static dev.orden.rules.Rules.ENGINE;
import static dev.orden.rules.Rules.LIMITS;
import static dev.orden.rules.Rules.ORDER;
import static dev.orden.rules.Rules.effects;
import static dev.orden.rules.Rules.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.rules.RuleError.Kind;
import dev.orden.rules.sandbox.SandboxConfig;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a tenant admin writes and what the host gets back: effects, log, helpers, errors with places, warm-up. */
class RuleEngineTest {

    @Test
    void routesByKeywordAndReturnsEffectsAsJson() {
        var effects = effects(UUID.randomUUID(), """
                function rule(input) {
                  log('order', input.number, {city: input.customFields.city});
                  if (keywords.any(input.title, ['fuga', 'no enciende'])) {
                    return [{type: 'assign', team: 'plumbing'}, {type: 'priority', value: 'HIGH'}];
                  }
                  return [];
                }""", ORDER);
        assertEquals("[{\"type\":\"assign\",\"team\":\"plumbing\"},{\"type\":\"priority\",\"value\":\"HIGH\"}]",
                effects.effects().toString());
        assertEquals(List.of("order WO-7 {\"city\":\"Córdoba\"}"), effects.log());
        assertTrue(effects.usage().durationMicros() > 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "keywords.any('La CALEFACCIÓN no enciende', ['calefaccion'])         | true",
        "keywords.any('La calefacción no enciende', ['NO ENCIENDE'])         | true",
        "keywords.any('Fugaz visita', ['fuga'])                              | false",
        "keywords.any('fuga', [])                                            | false",
        "keywords.any(null, ['fuga'])                                        | false",
        "keywords.any('¡¡Fuga!!, en el 3º piso...', ['fuga'])                | true",
        "keywords.any('...en el 3º piso', ['3º   PISO'])                     | true",
        "keywords.any('Ñandú: pingüino', ['nandu pinguino'])                 | true",
        "keywords.any('fuga-de-agua', ['de agua'])                           | true",
        "keywords.any('fugade agua', ['fuga'])                               | false",
        "keywords.any('!!!', ['!!!'])                                        | false",
        "keywords.any('', [''])                                              | false",
        "dates.addDays('2026-11-27', 3)                                      | \"2026-11-30\"",
        "dates.addDays('2026-11-27T10:00:00-03:00', -1)                      | \"2026-11-26T13:00:00.000Z\"",
        "dates.addHours('2026-11-27T10:00:00Z', 30)                          | \"2026-11-28T16:00:00.000Z\"",
        "dates.isWeekend('2026-11-28')                                       | true",
        "dates.isWeekend('2026-11-27T23:30:00-03:00')                        | false",
    })
    void helpers(String call, String expected) {
        var effects = effects(UUID.randomUUID(), "function rule() { return [{type: 'x', value: " + call + "}]; }",
                ORDER);
        assertEquals("[{\"type\":\"x\",\"value\":" + expected + "}]", effects.effects().toString());
    }

    @Test
    void aHelperMisusedPointsAtTheRuleLine() {
        var error = fails(Kind.EXCEPTION, "function rule(input) {\n  const d = dates.addDays(input.nope, 1);\n"
                + "  return [];\n}");
        assertTrue(error.message().contains("dates: expected an ISO-8601 string"), error::toString);
        assertEquals(2, error.line());
        assertEquals(13, error.column());
    }

    @Test
    void logIsCappedInLinesAndLength() {
        var effects = effects(UUID.randomUUID(), """
                function rule() {
                  log('x'.repeat(2000));
                  for (let i = 0; i < 80; i++) log('line', i);
                  return [];
                }""", ORDER);
        assertEquals(LIMITS.maxLogLines(), effects.log().size());
        assertEquals(501, effects.log().getFirst().length());
        assertEquals(81 - LIMITS.maxLogLines(), effects.droppedLogLines());
    }

    @Test
    void anExceptionKeepsWhatWasLoggedAndItsPlace() {
        var result = Rules.evaluate(UUID.randomUUID(), """
                function rule(input) {
                  log('before');
                  return [{type: 'x', city: input.missing.city}];
                }""", ORDER, LIMITS);
        var failed = assertInstanceOf(Evaluation.Failed.class, result, result::toString);
        assertEquals(Kind.EXCEPTION, failed.error().kind());
        assertTrue(failed.error().message().startsWith("TypeError"), failed.error()::toString);
        assertEquals(3, failed.error().line());
        assertEquals(List.of("before"), failed.log());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "function rule(input) {\\n  return [;\\n}        | 2 | 11",
        "function rule(input {}                         | 1 | 21",
        "}); globalThis.x = 1; (function () {          | 1 | 1",
        "function rule() { return []; }\\n}            | 2 | 1",
        "export default function rule() {}             | 1 | 1",
    })
    void syntaxErrorsAreFoundWithoutRunning(String source, int line, int column) {
        var compilation = ENGINE.compile("broken", source.replace("\\n", "\n"));
        var error = assertInstanceOf(Compilation.Rejected.class, compilation, compilation::toString).error();
        assertEquals(Kind.SYNTAX, error.kind());
        assertTrue(error.message().startsWith("SyntaxError: ") && !error.message().contains("broken.js"), error::toString);
        assertEquals(line, error.line(), error::toString);
        assertEquals(column, error.column(), error::toString);
    }

    @Test
    void warmUpLoadsTheRulesAndReportsThoseThatDeclareNoRule() {
        var tenant = UUID.randomUUID();
        var good = Rules.compile("function rule() { return []; }");
        var noRule = Rules.compile("function route() { return []; }");
        var throwing = Rules.compile("throw new Error('top level');\nfunction rule() { return []; }");
        var problems = ENGINE.warmUp(tenant, List.of(good, noRule, throwing));
        assertEquals(List.of(noRule, throwing), List.copyOf(problems.keySet()));
        assertEquals(Kind.INVALID_RESULT, problems.get(noRule).kind());
        assertEquals(Kind.EXCEPTION, problems.get(throwing).kind());
        assertEquals(1, problems.get(throwing).line());
        assertTrue(ENGINE.idleContexts(tenant) >= 1);
    }

    @Test
    void aContextLostToALimitIsReplacedInTheBackground() throws InterruptedException {
        try (var engine = RuleEngine.of(SandboxConfig.defaults().withSpareContexts(1))) {
            var tenant = UUID.randomUUID();
            var runaway = engine.compile("runaway", "function rule() { for (;;) {} }");
            var result = engine.evaluate(tenant, assertInstanceOf(Compilation.Compiled.class, runaway).rule(), ORDER,
                    LIMITS);
            assertEquals(Kind.STATEMENT_LIMIT, assertInstanceOf(Evaluation.Failed.class, result).error().kind());
            // Nothing evaluates after the failure: only the background can have made this context.
            awaitIdle(engine, tenant, 1);
        }
    }

    private static void awaitIdle(RuleEngine engine, UUID tenant, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (engine.idleContexts(tenant) < expected && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(expected, engine.idleContexts(tenant));
    }

    @Test
    void perCallLimitsNeverExceedTheServerMaxima() {
        // A server deadline far away, so that only the server's statement limit can stop the loop on a busy machine.
        var maxima = Limits.defaults().withTimeout(Duration.ofSeconds(60));
        try (var engine = RuleEngine.of(SandboxConfig.defaults().withMaxima(maxima))) {
            var rule = engine.compile("loop", "function rule() { while (true) {} }");
            var compiled = assertInstanceOf(Compilation.Compiled.class, rule).rule();
            var generous = LIMITS.withStatements(Long.MAX_VALUE).withTimeout(Duration.ofMinutes(5));
            var result = engine.evaluate(UUID.randomUUID(), compiled, "{}", generous);
            assertEquals(Kind.STATEMENT_LIMIT, assertInstanceOf(Evaluation.Failed.class, result).error().kind());
        }
    }

    @Test
    void hostMistakesThrowRuleErrorsDoNot() {
        var foreign = new CompiledRule() {
            public String name() {
                return "foreign";
            }

            public String source() {
                return "function rule() { return []; }";
            }
        };
        assertThrows(IllegalArgumentException.class, () -> ENGINE.evaluate(UUID.randomUUID(), foreign, "{}"));
        var broken = ENGINE.evaluate(UUID.randomUUID(), Rules.compile("function rule(i) { return []; }"), "{oops");
        var error = assertInstanceOf(Evaluation.Failed.class, broken).error();
        assertEquals(Kind.EXCEPTION, error.kind());
        assertNull(error.line());
    }
}
