package dev.orden.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.orden.InContainerDeployment;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GraalJS from WEB-INF/lib inside Liberty: the CDI engine with its MicroProfile Config maxima runs and stops rules. */
@ExtendWith(ArquillianExtension.class)
class RuleEngineInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return InContainerDeployment.create(RuleEngineInContainerIT.class);
    }

    @Inject
    RuleEngine engine;

    @Test
    void evaluatesARuleAndCancelsARunawayOneOnAServerThread() {
        var tenant = UUID.randomUUID();
        assertEquals(Limits.defaults(), engine.maxima());
        var route = compile("function rule(input) {\n"
                + "  return keywords.any(input.title, ['fuga']) ? [{type: 'assign', team: 'plumbing'}] : [];\n}");
        var routed = engine.evaluate(tenant, route, "{\"title\":\"Fuga en el baño\"}");
        assertEquals("[{\"type\":\"assign\",\"team\":\"plumbing\"}]",
                assertInstanceOf(Evaluation.Effects.class, routed, routed::toString).effects().toString());

        // Few statements, each slow: the deadline (the watchdog thread), not the statement limit, stops it.
        var runaway = engine.evaluate(tenant,
                compile("function rule() { const s = 'a'.repeat(1 << 20); for (;;) s.lastIndexOf('b'); }"), "{}");
        assertEquals(RuleError.Kind.TIMEOUT, assertInstanceOf(Evaluation.Failed.class, runaway).error().kind());
        assertInstanceOf(Evaluation.Effects.class, engine.evaluate(tenant, route, "{\"title\":\"otra cosa\"}"));
    }

    private CompiledRule compile(String source) {
        var compilation = engine.compile("in-container", source);
        return assertInstanceOf(Compilation.Compiled.class, compilation, compilation::toString).rule();
    }
}
