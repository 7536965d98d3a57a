package dev.orden.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which reminders an order should have pending after a change, with acme-like settings. */
class ReminderPlanTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000042");
    static final ReminderSettings SETTINGS = new ReminderSettings(Optional.of(Duration.ofMinutes(120)),
            List.of(Duration.ofHours(24), Duration.ofHours(1)), true, Optional.of(Duration.ofMinutes(30)));

    static ReminderPlan.Order order(String assignee, boolean active, boolean unstarted, Instant dueAt) {
        return new ReminderPlan.Order(ID, assignee, active, unstarted, dueAt, NOW.minus(Duration.ofMinutes(5)));
    }

    static Map<String, Instant> timers(ReminderPlan plan) {
        return plan.timers().stream().collect(Collectors.toMap(ReminderPlan.Timer::key, ReminderPlan.Timer::at));
    }

    @Test
    void anUnassignedOrderTellsTheDispatchersAfterTheTimeoutFromCreation() {
        var plan = ReminderPlan.of(order(null, true, true, NOW.plus(Duration.ofDays(3))), Optional.empty(), SETTINGS, NOW);
        assertEquals(Map.of(ID + "/auto/unassigned", NOW.plus(Duration.ofMinutes(25))), timers(plan),
                "no due reminders without an assignee");
    }

    @Test
    void anAssignmentRemindsTheAssigneeAfterTheDelayAndBeforeAndAtTheDueTime() {
        var due = NOW.plus(Duration.ofDays(2));
        var plan = ReminderPlan.of(order("ana", true, true, due), Optional.of(NOW), SETTINGS, NOW);
        assertEquals(Map.of(ID + "/auto/assigned", NOW.plus(Duration.ofMinutes(120)),
                ID + "/auto/due_soon/1440", due.minus(Duration.ofHours(24)),
                ID + "/auto/due_soon/60", due.minus(Duration.ofHours(1)),
                ID + "/auto/overdue", due), timers(plan));
        assertEquals(timers(plan).keySet(), plan.keep(), "the unassigned timeout is dropped");
        var assigned = plan.timers().stream().filter(t -> t.kind() == ReminderKind.ASSIGNED).findFirst().orElseThrow();
        assertEquals(NOW.plus(Duration.ofMinutes(120)) + " ana", assigned.spec(), "a new assignee restarts it");
    }

    @Test
    void onlyTimesStillAheadArePlanned() {
        var due = NOW.plus(Duration.ofMinutes(30));
        var plan = ReminderPlan.of(order("ana", true, false, due), Optional.empty(), SETTINGS, NOW);
        assertEquals(Map.of(ID + "/auto/overdue", due), timers(plan), "both offsets passed; the overdue one not yet");
        var past = ReminderPlan.of(order("ana", true, false, NOW.minusSeconds(1)), Optional.empty(), SETTINGS, NOW);
        assertTrue(past.timers().isEmpty(), "a due time set in the past sends nothing");
    }

    @Test
    void aStartedOrderDropsItsAssignmentReminderAndAnUnchangedAssignmentKeepsIt() {
        var started = ReminderPlan.of(order("ana", true, false, null), Optional.empty(), SETTINGS, NOW);
        assertEquals(Set.of(), started.keep());
        var untouched = ReminderPlan.of(order("ana", true, true, null), Optional.empty(), SETTINGS, NOW);
        assertEquals(Set.of(ID + "/auto/assigned"), untouched.keep(), "kept at the time it was set for");
        assertTrue(untouched.timers().isEmpty());
    }

    @Test
    void aResolvedOrClosedOrderHasNoReminders() {
        var plan = ReminderPlan.of(order("ana", false, false, NOW.plus(Duration.ofDays(1))), Optional.of(NOW), SETTINGS, NOW);
        assertFalse(plan.active());
        assertTrue(plan.timers().isEmpty());
    }

    @Test
    void kindsTheTenantLeftOutAreNotPlanned() {
        var onlyOverdue = new ReminderSettings(Optional.empty(), List.of(), true, Optional.empty());
        var due = NOW.plus(Duration.ofDays(2));
        assertEquals(Map.of(ID + "/auto/overdue", due),
                timers(ReminderPlan.of(order("ana", true, true, due), Optional.of(NOW), onlyOverdue, NOW)));
        assertTrue(ReminderPlan.of(order(null, true, true, due), Optional.empty(), ReminderSettings.NONE, NOW)
                .timers().isEmpty());
    }
}
