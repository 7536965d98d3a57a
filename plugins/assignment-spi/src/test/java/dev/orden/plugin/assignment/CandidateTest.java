package dev.orden.plugin.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CandidateTest {

    private final Candidate ana = Candidate.of("1", "ana@acme.test", "Ana");

    @Test
    void isFullAtItsCapacityAndAvailableOnlyWhenActiveAndNotFull() {
        var busy = ana.withOpen("HIGH", 2).withOpen("LOW", 1);
        assertEquals(3, busy.openOrders());
        assertFalse(busy.withCapacity(4).isFull());
        assertTrue(busy.withCapacity(3).isFull());
        assertFalse(busy.withCapacity(3).isAvailable());
        assertEquals("Ana is full (3/3)", busy.withCapacity(3).unavailability());
        assertTrue(busy.isAvailable(), "no capacity, no limit");
        assertFalse(ana.away().isAvailable());
        assertEquals("Ana is away", ana.away().unavailability());
        assertNull(ana.unavailability());
    }

    @Test
    void weighsOpenOrdersByPriority() {
        var busy = ana.withOpen("URGENT", 1).withOpen("NORMAL", 2).withOpen("LOW", 3);
        assertEquals(5 + 2 * 2 + 3 * 0.5, busy.load(Map.of("URGENT", 5, "NORMAL", 2, "LOW", 0.5), 1), 1e-9);
        assertEquals(6, busy.load(Map.of(), 1), 1e-9);
    }

    @Test
    void coverageIsTheClosestAreaOfThePathTheAgentHas() {
        var path = List.of("madrid_norte", "madrid", "spain");
        assertEquals(0, ana.withAreas("madrid_norte").coverage(path));
        assertEquals(1, ana.withAreas("madrid", "barcelona").coverage(path));
        assertEquals(2, ana.withAreas("spain").coverage(path));
        assertEquals(-1, ana.withAreas("barcelona").coverage(path));
        assertEquals(-1, ana.withAreas("madrid").coverage(List.of()));
    }

    @Test
    void skillsIgnoreCase() {
        var tech = ana.withSkills("Washer", "fridge");
        assertTrue(tech.hasSkills(Set.of("washer", "FRIDGE")));
        assertFalse(tech.hasSkills(Set.of("washer", "oven")));
        assertTrue(tech.hasSkills(Set.of()));
    }

    @Test
    void requestSaysWhyNoOneIsAvailable() {
        var order = new OrderFacts("o", "WO-1", "repair", "NORMAL", "t", null, "north", null, null, null);
        var luis = Candidate.of("2", "luis@acme.test", null).withCapacity(1).withOpen("LOW", 1);
        var request = new AssignmentRequest(order, "north", List.of(ana.away(), luis), null, null);
        assertEquals(List.of(), request.available());
        assertEquals("Ana is away, luis@acme.test is full (1/1)", request.whyNoneAvailable());
        assertEquals("team north has no agents",
                new AssignmentRequest(order, "north", List.of(), null, null).whyNoneAvailable());
        assertEquals("*", new AssignmentRequest(order, null, List.of(), null, null).scope());
    }
}
