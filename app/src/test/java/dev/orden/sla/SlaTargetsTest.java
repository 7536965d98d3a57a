package dev.orden.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.orden.config.BundleFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaTargetsTest {

    static final Path CONFIG = Path.of("..", "tenant-config");

    @Test
    void aPriorityTargetOfTheCalendarOverridesTheTypes() {
        var acme = BundleFiles.readFolder(CONFIG.resolve("acme"));
        var urgent = SlaTargets.of(acme, "repair", "URGENT");
        assertEquals("office", urgent.calendarKey());
        assertEquals(ZoneId.of("Europe/Madrid"), urgent.calendar().zone());
        assertEquals(Optional.of(Duration.ofHours(1)), urgent.firstResponse());
        assertEquals(Optional.of(Duration.ofHours(8)), urgent.resolution());
        // Friday 17:30 in Madrid + 1 business hour: Monday 09:30
        assertEquals(Instant.parse("2026-11-30T08:30:00Z"),
                urgent.calendar().plus(Instant.parse("2026-11-27T16:30:00Z"), urgent.firstResponse().orElseThrow()));
    }

    @Test
    void withoutATargetOfItsOwnATypeKeepsItsDefault() {
        var globex = BundleFiles.readFolder(CONFIG.resolve("globex"));
        var normalIncident = SlaTargets.of(globex, "incident", "NORMAL");
        assertEquals("round_the_clock", normalIncident.calendarKey());
        assertEquals(Optional.of(Duration.ofHours(1)), normalIncident.firstResponse(), "types.json's incident sla");
        var urgentIncident = SlaTargets.of(globex, "incident", "URGENT");
        assertEquals(Optional.of(Duration.ofMinutes(15)), urgentIncident.firstResponse());
        // round the clock: a Saturday counts
        var saturday = Instant.parse("2026-11-28T12:00:00Z");
        assertEquals(saturday.plus(Duration.ofMinutes(15)), urgentIncident.calendar().plus(saturday, Duration.ofMinutes(15)));
        assertEquals("office", SlaTargets.of(globex, "request", "NORMAL").calendarKey(), "the calendar naming no types");
    }

    @Test
    void aBundleWithoutSlaTimesRoundTheClockInUtcOnlyTypesWithTargets() {
        var defaults = BundleFiles.readFolder(CONFIG.resolve("_default"));
        var general = SlaTargets.of(defaults, "general", "NORMAL");
        assertEquals(ZoneOffset.UTC, general.calendar().zone());
        assertFalse(general.any());
    }
}
