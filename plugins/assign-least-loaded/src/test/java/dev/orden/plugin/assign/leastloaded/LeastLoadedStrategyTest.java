package dev.orden.plugin.assign.leastloaded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.plugin.assignment.AssignmentRequest;
import dev.orden.plugin.assignment.Candidate;
import dev.orden.plugin.assignment.Choice;
import dev.orden.plugin.assignment.OrderFacts;
import dev.orden.plugin.assignment.Settings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** acme's Madrid repair team: Alba, Carlos and Marta. */
class LeastLoadedStrategyTest {

    private static final Candidate ALBA = Candidate.of("a", "agent@acme.test", "Alba Agente");
    private static final Candidate CARLOS = Candidate.of("c", "carlos.centro@acme.test", "Carlos Centro");
    private static final Candidate MARTA = Candidate.of("m", "marta.norte@acme.test", "Marta Norte");
    private static final OrderFacts ORDER = new OrderFacts("o", "WO-1", "repair", "NORMAL", "Lavadora", null,
            "madrid_repair", null, null, null);

    private static Choice choose(Settings settings, Candidate... team) {
        return new LeastLoadedStrategy().choose(new AssignmentRequest(ORDER, "madrid_repair", List.of(team), settings,
                null));
    }

    private static Choice choose(Candidate... team) {
        return choose(Settings.empty(), team);
    }

    @Test
    void anUrgentOrderWeighsMoreThanTwoLowOnes() {
        var choice = choose(ALBA.withOpen("URGENT", 1), CARLOS.withOpen("LOW", 2), MARTA.withOpen("NORMAL", 2));
        assertEquals("c", choice.agentId());
        assertEquals("2 open orders, weighted load 2 (lightest of 3 available)", choice.reason());
    }

    @Test
    void aTieOnLoadGoesToFewerOpenOrdersThenToTheEmail() {
        assertEquals("a", choose(ALBA.withOpen("HIGH", 1), CARLOS.withOpen("LOW", 3)).agentId(),
                "load 3 each: one order beats three");
        assertEquals("a", choose(MARTA, CARLOS, ALBA).agentId(), "all idle: the first e-mail");
    }

    @Test
    void passesOverAwayAndFullAgents() {
        var choice = choose(ALBA.away(), CARLOS.withOpen("HIGH", 3).withCapacity(3), MARTA.withOpen("URGENT", 2));
        assertEquals("m", choice.agentId());
        assertEquals("2 open orders, weighted load 10 (lightest of 1 available)", choice.reason());
        var none = choose(ALBA.away(), CARLOS.withCapacity(0));
        assertTrue(none.isNone());
        assertEquals("Alba Agente is away, Carlos Centro is full (0/0)", none.reason());
    }

    @Test
    void aTenantMayWeighPrioritiesItsOwnWay() {
        var flat = new Settings(Map.of("weights", Map.of("URGENT", BigDecimal.ONE, "LOW", new BigDecimal("0.5"))));
        var choice = choose(flat, ALBA.withOpen("URGENT", 1), CARLOS.withOpen("LOW", 3));
        assertEquals("a", choice.agentId());
        assertEquals("1 open order, weighted load 1 (lightest of 2 available)", choice.reason());
        var halves = choose(flat, ALBA.withOpen("URGENT", 2), CARLOS.withOpen("LOW", 3));
        assertEquals("c", halves.agentId());
        assertEquals("3 open orders, weighted load 1.5 (lightest of 2 available)", halves.reason());
    }

    @Test
    void checksItsSettings() {
        var factory = new LeastLoadedStrategyFactory();
        assertEquals(List.of(), factory.checkSettings(new Settings(Map.of("weights", Map.of("HIGH", BigDecimal.TEN)))));
        assertEquals(List.of("unknown setting 'speed' (least-loaded has: weights)",
                        "weights: unknown priority 'CRITICAL' (LOW, NORMAL, HIGH, URGENT)"),
                factory.checkSettings(new Settings(Map.of("speed", 1, "weights", Map.of("CRITICAL", 1)))));
        assertEquals(List.of("weights.LOW must be a number of at least 0"),
                factory.checkSettings(new Settings(Map.of("weights", Map.of("LOW", -1)))));
    }
}
