package dev.orden.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.rules.sandbox.SandboxConfig;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a tenant admin writes and what the host gets back: effects, log, helpers, syntax errors, warm-up. */
class RuleEngineTest {

    static RuleEngine engine;
    static final UUID ACME = UUID.randomUUID();

    @BeforeAll
    static void start() {
        engine = RuleEngine.of(SandboxConfig.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static CompiledRule compile(String source) {
        return assertInstanceOf(Compilation.Compiled.class, engine.compile("test", source)).rule();
    }

    @Test
    void routesByKeywordAndReturnsEffectsAsJson() {
        var rule = compile("""
                function rule(input) {
                  log('order', input.number, {city: input.customFields.city});
                  if (keywords.any(input.title, ['fuga', 'no enciende'])) {
                    return [{type: 'assign', team: 'plumbing'}, {type: 'priority', value: 'HIGH'}];
                  }
                  return [];
                }""");
        var result = engine.evaluate(ACME, rule, """
                {"number":"WO-7","title":"FUGA de agua en cocina","customFields":{"city":"Córdoba"}}""");
        var effects = assertInstanceOf(Evaluation.Effects.class, result, result::toString);
        assertEquals("[{\"type\":\"assign\",\"team\":\"plumbing\"},{\"type\":\"priority\",\"value\":\"HIGH\"}]",
                effects.effects().toString());
        assertEquals(List.of("order WO-7 {\"city\":\"Córdoba\"}"), effects.log());
        assertTrue(effects.usage().durationMicros() > 0);
    }
}
