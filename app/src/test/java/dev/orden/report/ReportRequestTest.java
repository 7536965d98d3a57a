package dev.orden.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportRequestTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Set<String> TYPES = Set.of("general", "repair");

    private static ReportRequest parse(String from, String to) {
        return ReportRequest.parse(from, to, null, null, null, MADRID, TYPES);
    }

    private static List<String> fields(Runnable parse) {
        var problem = assertThrows(ProblemException.class, parse::run).problem();
        assertEquals(422, problem.status());
        return problem.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    @Test
    void datesAreLocalMidnightsOfTheTenantsZone() {
        var request = parse("2026-03-27", "2026-03-31");
        assertEquals(Instant.parse("2026-03-26T23:00:00Z"), request.from());
        assertEquals(Instant.parse("2026-03-30T22:00:00Z"), request.to(), "after the change to summer time");
        assertEquals(LocalDate.parse("2026-03-27"), request.firstDay());
        assertEquals(LocalDate.parse("2026-03-31"), request.endDay());
        assertEquals(4, request.days());
    }

    @Test
    void theDayOfAChangeStartsAtItsLocalMidnight() {
        var request = parse("2026-10-25", "2026-10-26");
        assertEquals(Instant.parse("2026-10-24T22:00:00Z"), request.from());
        assertEquals(Instant.parse("2026-10-25T23:00:00Z"), request.to(), "a 25-hour day");
        assertEquals(1, request.days());
    }

    @Test
    void dateTimesWithAnOffsetOrInTheTenantsZone() {
        var request = parse("2026-03-28T08:30", "2026-03-29T12:00:00+02:00");
        assertEquals(Instant.parse("2026-03-28T07:30:00Z"), request.from());
        assertEquals(Instant.parse("2026-03-29T10:00:00Z"), request.to());
        assertEquals(LocalDate.parse("2026-03-28"), request.firstDay());
        assertEquals(LocalDate.parse("2026-03-30"), request.endDay(), "the part of the last day counts as a day");
        assertEquals(Instant.parse("2026-03-28T00:00:00Z"), parse("2026-03-28T00:00:00Z", "2026-03-29").from());
    }

    @Test
    void filtersAreTrimmedAndBlankMeansNone() {
        var request = ReportRequest.parse("2026-01-01", "2026-02-01", " repair ", "", "  ", MADRID, TYPES);
        assertEquals("repair", request.type());
        assertNull(request.area());
        assertNull(request.team());
    }

    @Test
    void everyBadParameterIsListed() {
        assertEquals(List.of("from: is required; must be a date (2026-03-29) or a date-time (2026-03-29T08:00, "
                        + "with an offset or in the tenant's time zone)", "to: must be a date (2026-03-29) or a "
                        + "date-time (2026-03-29T08:00, with an offset or in the tenant's time zone)",
                        "type: unknown type 'plumbing'", "team: must be at most 200 characters"),
                fields(() -> ReportRequest.parse(null, "2026-13-01", "plumbing", null, "x".repeat(201), MADRID,
                        TYPES)));
    }

    @Test
    void theRangeMustBeForwardAndAtMost366Days() {
        assertEquals(List.of("to: must be after from"), fields(() -> parse("2026-03-02", "2026-03-01")));
        assertEquals(List.of("to: must be after from"), fields(() -> parse("2026-03-01", "2026-03-01")));
        assertEquals(366, parse("2026-01-01", "2027-01-02").days());
        assertEquals(List.of("to: the range may span at most 366 days"),
                fields(() -> parse("2026-01-01", "2027-01-03")));
        assertEquals(List.of("to: the range may span at most 366 days"),
                fields(() -> parse("2026-01-01", "2027-01-02T00:00:01")));
    }

    @Test
    void sectionsByName() {
        assertEquals(Section.DAILY, Section.parse(null));
        assertEquals(Section.AGENTS, Section.parse("agents"));
        assertEquals(Section.BACKLOG_DAILY, Section.parse("backlog_daily"));
        assertEquals(Section.BACKLOG_DAILY_BY, Section.parse("backlog_daily_by"));
        var problem = assertThrows(ProblemException.class, () -> Section.parse("everything")).problem();
        assertEquals(List.of(new FieldError("section", "must be one of daily, weekly, backlog, backlog_daily, backlog_daily_by, times, "
                + "sla, agents, workload, csat")), problem.errors());
    }
}
