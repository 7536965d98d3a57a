package dev.orden.plugin.assign.skills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.plugin.assignment.AssignmentRequest;
import dev.orden.plugin.assignment.Candidate;
import dev.orden.plugin.assignment.Choice;
import dev.orden.plugin.assignment.OrderFacts;
import dev.orden.plugin.assignment.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** acme's technicians across teams: Alba (washers, fridges), Carlos (washers only), Jordi (ovens and AC). */
class SkillsStrategyTest {

    private static final Candidate ALBA = Candidate.of("a", "agent@acme.test", "Alba Agente")
            .withSkills("washer", "fridge", "dishwasher");
    private static final Candidate CARLOS = Candidate.of("c", "carlos.centro@acme.test", "Carlos Centro")
            .withSkills("washer");
    private static final Candidate JORDI = Candidate.of("j", "jordi.bcn@acme.test", "Jordi").withSkills("oven", "AC");
    private static final Settings SETTINGS = new Settings(Map.of("field", "appliance",
            "types", Map.of("installation", List.of("ac"))));

    private static OrderFacts order(String type, Object appliance) {
        return new OrderFacts("o", "WO-1", type, "NORMAL", "t", null, null, null, null,
                appliance == null ? Map.of() : Map.of("appliance", appliance));
    }

    private static Choice choose(OrderFacts order, Candidate... agents) {
        return new SkillsStrategy().choose(new AssignmentRequest(order, null, List.of(agents), SETTINGS, null));
    }

    @Test
    void theFieldNamesTheSkillAndTheSpecialistIsKeptFreeOnATie() {
        var choice = choose(order("repair", "washer"), ALBA, CARLOS, JORDI);
        assertEquals("c", choice.agentId(), "both idle: the one with fewer skills");
        assertEquals("has the skills washer; 0 open orders", choice.reason());
        assertEquals("a", choose(order("repair", "washer"), ALBA, CARLOS.withOpen("LOW", 1)).agentId(),
                "fewer open orders first");
        assertEquals("a", choose(order("repair", "fridge"), ALBA.withOpen("HIGH", 4), CARLOS, JORDI).agentId(),
                "only Alba has it, however busy");
    }

    @Test
    void theTypeAddsItsSkillsAndEveryOneIsNeeded() {
        assertEquals("j", choose(order("installation", null), ALBA, CARLOS, JORDI).agentId());
        var none = choose(order("installation", "washer"), ALBA, CARLOS, JORDI);
        assertTrue(none.isNone());
        assertEquals("no agent has the skills ac, washer", none.reason());
        assertEquals("a", choose(order("repair", List.of("washer", "fridge")), ALBA, CARLOS).agentId(),
                "a multiselect needs each of its values");
    }

    @Test
    void passesOverUnavailableAgentsAndSaysSoWhenNoneIsLeft() {
        assertEquals("a", choose(order("repair", "washer"), ALBA, CARLOS.away()).agentId());
        var none = choose(order("repair", "washer"), ALBA.withCapacity(1).withOpen("LOW", 1), CARLOS.away(), JORDI);
        assertEquals("every agent with the skills washer is unavailable: Alba Agente is full (1/1), Carlos Centro is away",
                none.reason());
    }

    @Test
    void anOrderThatNeedsNoSkillIsNotForThisStrategy() {
        assertEquals("the order needs no particular skill", choose(order("repair", null), ALBA).reason());
    }

    @Test
    void checksItsSettings() {
        var factory = new SkillsStrategyFactory();
        assertEquals(List.of(), factory.checkSettings(SETTINGS));
        assertEquals(List.of("give a field that names the skills an order needs, types with their skills, or both"),
                factory.checkSettings(Settings.empty()));
        assertEquals(List.of("types.installation must be a list of skills"),
                factory.checkSettings(new Settings(Map.of("types", Map.of("installation", "ac")))));
    }
}
