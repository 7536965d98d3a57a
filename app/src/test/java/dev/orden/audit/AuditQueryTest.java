package dev.orden.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void datesAreWholeDaysInTheTenantsZoneAndTheToDayIsIncluded() {
        var query = AuditQuery.parse("2026-03-01", "2026-03-01", null, null, null, null, MADRID);
        assertEquals(Instant.parse("2026-02-28T23:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-03-01T23:00:00Z"), query.to());
        assertEquals(AuditQuery.DEFAULT_LIMIT, query.limit());
    }

    @Test
    void dateTimesWithAnOffsetAreInstantsAndWithoutOneAreLocal() {
        var query = AuditQuery.parse("2026-03-01T09:30:00Z", "2026-03-01T12:00", "u1", "member", null, "10", MADRID);
        assertEquals(Instant.parse("2026-03-01T09:30:00Z"), query.from());
        assertEquals(Instant.parse("2026-03-01T11:00:00Z"), query.to());
        assertEquals("u1", query.actor());
        assertEquals("member", query.action());
        assertEquals(10, query.limit());
    }

    @Test
    void theCursorRoundTripsAndAForeignOneIsRefused() {
        var cursor = AuditQuery.cursorOf(1234);
        assertEquals(1234L, AuditQuery.parse(null, null, null, null, cursor, null, MADRID).before());
        assertNull(AuditQuery.parse(null, null, null, null, " ", null, MADRID).before());
        assertEquals(Set.of("cursor"), fields(() -> AuditQuery.parse(null, null, null, null, "xyz", null, MADRID)));
    }

    @Test
    void everyBadParameterIsNamed() {
        assertEquals(Set.of("from", "limit", "action"),
                fields(() -> AuditQuery.parse("yesterday", null, null, "Member!", null, "500", MADRID)));
        assertEquals(Set.of("to"), fields(() -> AuditQuery.parse("2026-03-02", "2026-03-01T00:00Z", null, null,
                null, null, MADRID)));
    }

    private static Set<String> fields(Runnable parse) {
        var problem = assertThrows(ProblemException.class, parse::run).problem();
        return problem.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }
}
