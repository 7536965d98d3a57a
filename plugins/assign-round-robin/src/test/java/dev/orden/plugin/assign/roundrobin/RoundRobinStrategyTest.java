package dev.orden.plugin.assign.roundrobin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.plugin.assignment.AssignmentRequest;
import dev.orden.plugin.assignment.Candidate;
import dev.orden.plugin.assignment.Choice;
import dev.orden.plugin.assignment.OrderFacts;
import dev.orden.plugin.assignment.StrategyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** acme's Madrid repair team: Alba, Carlos and Marta, in e-mail order. */
class RoundRobinStrategyTest {

    private static final Candidate ALBA = Candidate.of("a", "agent@acme.test", "Alba Agente");
    private static final Candidate CARLOS = Candidate.of("c", "carlos.centro@acme.test", "Carlos Centro");
    private static final Candidate MARTA = Candidate.of("m", "marta.norte@acme.test", "Marta Norte");
    private static final OrderFacts ORDER = new OrderFacts("o", "WO-1", "repair", "NORMAL", "Lavadora", null,
            "madrid_repair", null, null, null);

    private final StrategyState state = StrategyState.inMemory();
    private final RoundRobinStrategy strategy = new RoundRobinStrategy();

    private Choice choose(String team, Candidate... team_members) {
        return strategy.choose(new AssignmentRequest(ORDER, team, List.of(team_members), null, state));
    }

    private List<String> turns(int n, Candidate... members) {
        var chosen = new ArrayList<String>();
        for (int i = 0; i < n; i++) chosen.add(choose("madrid_repair", members).agentId());
        return chosen;
    }

    @Test
    void takesTurnsInEmailOrderWhateverOrderTheTeamListsItsMembersIn() {
        assertEquals(List.of("a", "c", "m", "a", "c"), turns(5, MARTA, ALBA, CARLOS));
        assertEquals(Optional.of("carlos.centro@acme.test"), state.read("madrid_repair"), "remembered by e-mail");
    }

    @Test
    void passesOverAwayAndFullAgentsAndGivesThemTheirTurnWhenBack() {
        assertEquals("a", choose("madrid_repair", ALBA, CARLOS, MARTA).agentId());
        var choice = choose("madrid_repair", ALBA, CARLOS.away(), MARTA.withCapacity(2).withOpen("LOW", 2));
        assertEquals("a", choice.agentId(), "Carlos and Marta passed over, back to Alba");
        assertEquals("next in turn after agent@acme.test, passing over Carlos Centro is away, Marta Norte is full (2/2)",
                choice.reason());
        assertEquals("c", choose("madrid_repair", ALBA, CARLOS, MARTA).agentId(), "Carlos is back: his turn");
    }

    @Test
    void keepsItsPlaceWhenPeopleJoinOrLeave() {
        assertEquals(List.of("a", "c"), turns(2, ALBA, CARLOS, MARTA));
        var bea = Candidate.of("b", "bea@acme.test", "Bea");
        assertEquals("m", choose("madrid_repair", ALBA, bea, MARTA).agentId(), "Carlos left: the one after him");
        assertEquals("a", choose("madrid_repair", ALBA, bea, MARTA).agentId());
        assertEquals("b", choose("madrid_repair", ALBA, bea, MARTA).agentId(), "Bea joined between Alba and Marta");
    }

    @Test
    void eachTeamHasItsOwnTurn() {
        assertEquals("a", choose("madrid_repair", ALBA, CARLOS).agentId());
        assertEquals("a", choose("installers", ALBA, MARTA).agentId());
        assertEquals("c", choose("madrid_repair", ALBA, CARLOS).agentId());
        assertEquals("m", choose("installers", ALBA, MARTA).agentId());
        assertEquals("a", choose(null, ALBA, MARTA).agentId(), "no team: a scope of its own");
        assertTrue(state.read(AssignmentRequest.ALL_TEAMS).isPresent());
    }

    @Test
    void choosesNoOneWhenNoOneIsAvailableAndKeepsTheTurn() {
        choose("madrid_repair", ALBA, CARLOS);
        var none = choose("madrid_repair", ALBA.away(), CARLOS.away());
        assertTrue(none.isNone());
        assertEquals("Alba Agente is away, Carlos Centro is away", none.reason());
        assertEquals(Optional.of("agent@acme.test"), state.read("madrid_repair"));
        assertEquals("team madrid_repair has no agents", choose("madrid_repair").reason());
    }
}
