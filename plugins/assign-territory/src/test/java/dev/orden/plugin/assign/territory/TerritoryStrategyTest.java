package dev.orden.plugin.assign.territory;

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

/**
 * acme's area tree (spain > madrid > madrid_centro, madrid_norte; spain > barcelona) and its agents: Marta covers
 * Madrid North and lives in Chamartín, Carlos covers Madrid Centre and lives by Sol, Alba covers all of Madrid and
 * lives in Alcobendas, Ines covers Spain, Jordi covers Barcelona.
 */
class TerritoryStrategyTest {

    private static final Candidate MARTA = Candidate.of("m", "marta.norte@acme.test", "Marta Norte")
            .withAreas("madrid_norte").withHome(40.4722, -3.6825);
    private static final Candidate CARLOS = Candidate.of("c", "carlos.centro@acme.test", "Carlos Centro")
            .withAreas("madrid_centro").withHome(40.4169, -3.7035);
    private static final Candidate ALBA = Candidate.of("a", "agent@acme.test", "Alba Agente")
            .withAreas("madrid").withHome(40.5475, -3.6420);
    private static final Candidate INES = Candidate.of("i", "ines@acme.test", "Ines").withAreas("spain");
    private static final Candidate JORDI = Candidate.of("j", "jordi.bcn@acme.test", "Jordi").withAreas("barcelona")
            .withHome(41.3870, 2.1700);

    private static final List<String> NORTE = List.of("madrid_norte", "madrid", "spain");

    private static OrderFacts order(List<String> path, Double lat, Double lon) {
        var fields = lat == null ? Map.<String, Object>of() : Map.<String, Object>of("visitAddress", Map.of(
                "address", "somewhere", "lat", BigDecimal.valueOf(lat), "lon", BigDecimal.valueOf(lon)));
        return new OrderFacts("o", "WO-1", "repair", "NORMAL", "t", null, null, path.isEmpty() ? null : path.getFirst(),
                path, fields);
    }

    private static Choice choose(OrderFacts order, Settings settings, Candidate... agents) {
        return new TerritoryStrategy().choose(new AssignmentRequest(order, null, List.of(agents), settings, null));
    }

    private static Choice choose(OrderFacts order, Candidate... agents) {
        return choose(order, Settings.empty(), agents);
    }

    @Test
    void withoutCoordinatesTheClosestCoverageWins() {
        var choice = choose(order(NORTE, null, null), INES, ALBA, MARTA, CARLOS, JORDI);
        assertEquals("m", choice.agentId());
        assertEquals("covers area madrid_norte; 0 open orders", choice.reason());
        assertEquals("a", choose(order(NORTE, null, null), INES, ALBA.withOpen("HIGH", 3), MARTA.away(), CARLOS)
                .agentId(), "Marta away: Madrid before Spain, however busy");
        assertEquals("i", choose(order(List.of("barcelona", "spain"), null, null), INES, ALBA, MARTA).agentId());
    }

    @Test
    void theNearestCoveringAgentWinsWhenThePlaceIsKnown() {
        var bernabeu = order(NORTE, 40.4531, -3.6883);
        var choice = choose(bernabeu, INES, ALBA, MARTA, JORDI);
        assertEquals("m", choice.agentId());
        assertEquals("covers area madrid_norte; 2.2 km away", choice.reason());
        var alba = choose(bernabeu, INES, ALBA, MARTA.away(), JORDI, CARLOS);
        assertEquals("a", alba.agentId(), "Carlos lives nearer but covers only the centre");
        assertEquals("covers area madrid; 11.2 km away", alba.reason());
    }

    @Test
    void aDistanceLimitLeavesTheOrderToADispatcher() {
        var bernabeu = order(NORTE, 40.4531, -3.6883);
        var within = new Settings(Map.of("maxDistanceKm", BigDecimal.valueOf(5)));
        assertEquals("m", choose(bernabeu, within, ALBA, MARTA).agentId());
        var none = choose(bernabeu, within, ALBA, MARTA.away());
        assertTrue(none.isNone());
        assertEquals("the nearest available agent, Alba Agente, is 11.2 km away, beyond 5.0 km", none.reason());
    }

    @Test
    void anOrderWithoutAreaGoesToTheNearestAgentWithAHome() {
        var sagradaFamilia = order(List.of(), 41.4036, 2.1744);
        var choice = choose(sagradaFamilia, INES, ALBA, JORDI);
        assertEquals("j", choice.agentId());
        assertEquals("1.9 km away", choice.reason());
        assertEquals("the order has no area, and no available agent has a home to measure its distance from",
                choose(sagradaFamilia, INES).reason());
        assertEquals("the order has neither an area nor a location", choose(order(List.of(), null, null), ALBA).reason());
    }

    @Test
    void saysWhyWhenNoOneCoversTheAreaOrAllAreAway() {
        assertEquals("no agent covers area madrid_norte", choose(order(NORTE, null, null), CARLOS, JORDI).reason());
        assertEquals("every agent covering area madrid_norte is unavailable: Marta Norte is away, Alba Agente is full (1/1)",
                choose(order(NORTE, null, null), MARTA.away(), ALBA.withCapacity(1).withOpen("LOW", 1), JORDI)
                        .reason());
    }

    @Test
    void aNamedLocationFieldIsTheOnlyOneLookedAt() {
        var settings = new Settings(Map.of("locationField", "site"));
        var choice = choose(order(NORTE, 40.4531, -3.6883), settings, ALBA, MARTA);
        assertEquals("m", choice.agentId());
        assertEquals("covers area madrid_norte; 0 open orders", choice.reason(), "no site: by coverage, not distance");
        assertEquals(List.of("unknown setting 'radius' (territory has: locationField, maxDistanceKm)",
                        "maxDistanceKm must be a number above 0"),
                new TerritoryStrategyFactory().checkSettings(new Settings(Map.of("radius", 1, "maxDistanceKm", 0))));
    }
}
