package dev.orden.rules.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The freezer made from a reference context reaches, in every new context, all that a walk of that context
 * finds: nothing reachable from the global object or the hidden intrinsics is left unfrozen.
 */
class ContextFactoryTest {

    /** The walk the freezer replaced: every object reachable through prototypes, values, getters and setters. */
    private static final String UNFROZEN = """
            (hidden) => {
              const seen = new Set();
              const pending = [globalThis, ...hidden];
              const unfrozen = [];
              while (pending.length > 0) {
                const o = pending.pop();
                if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
                seen.add(o);
                if (!Object.isFrozen(o)) unfrozen.push(typeof o === 'function' ? o.name : String(o));
                pending.push(Object.getPrototypeOf(o));
                for (const key of Reflect.ownKeys(o)) {
                  const d = Reflect.getOwnPropertyDescriptor(o, key);
                  if ('value' in d) pending.push(d.value); else pending.push(d.get, d.set);
                }
              }
              return JSON.stringify({reached: seen.size, unfrozen});
            }""";

    static Engine engine;
    static ContextFactory factory;

    @BeforeAll
    static void aFactory() {
        engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        factory = new ContextFactory(engine, SandboxConfig.defaults());
    }

    @AfterAll
    static void closeTheEngine() {
        engine.close(true);
    }

    @Test
    void everythingARuleCanReachIsFrozenInEveryNewContext() {
        for (int i = 0; i < 3; i++) {
            try (var context = factory.create(UUID.randomUUID(), 1_000_000)) {
                var hidden = context.context().eval(org.graalvm.polyglot.Source.create("js",
                        "[Object.getPrototypeOf(function* () {}), Object.getPrototypeOf([][Symbol.iterator]()),"
                                + " Object.getPrototypeOf(new Intl.Segmenter().segment('a')),"
                                + " Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})()))]"));
                var report = context.context().eval("js", UNFROZEN).execute(hidden).asString();
                assertTrue(report.endsWith("\"unfrozen\":[]}"), report);
                assertTrue(Integer.parseInt(report.replaceAll("\\D*(\\d+).*", "$1")) > 500, report);
            }
        }
    }

    @Test
    void theSetUpCodeIsNotCountedAgainstTheTenantsStatementLimit() {
        try (var context = factory.create(UUID.randomUUID(), 5)) {
            assertEquals(false, context.hasReachedLimit());
        }
    }
}
