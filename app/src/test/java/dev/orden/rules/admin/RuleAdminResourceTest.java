package dev.orden.rules.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.shared.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The query parameters of the error log and the usage: what they accept and what is a 422 naming them. */
class RuleAdminResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "null,                 2026-11-20T10:00:00Z",
        "'',                   2026-11-20T10:00:00Z",
        "2026-11-01T08:30:00Z, 2026-11-01T08:30:00Z",
        "2026-11-01,           2026-11-01T00:00:00Z",
        "PT6H,                 2026-11-27T04:00:00Z",
        "P1D,                  2026-11-26T10:00:00Z",
    })
    void sinceIsAnInstantADateOrADurationBack(String since, String expected) {
        assertEquals(Instant.parse(expected), RuleAdminResource.since(since, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "P1X", "1700000000"})
    void anythingElseIsInvalid(String since) {
        var problem = assertThrows(ProblemException.class, () -> RuleAdminResource.since(since, NOW)).problem();
        assertEquals("since", problem.errors().getFirst().field());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null, 50", "1, 1", "200, 200", "' 7 ', 7"})
    void limitDefaultsTo50AndGoesUpTo200(String limit, int expected) {
        assertEquals(expected, RuleAdminResource.limit(limit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "ten", "1.5"})
    void otherLimitsAreInvalid(String limit) {
        var problem = assertThrows(ProblemException.class, () -> RuleAdminResource.limit(limit)).problem();
        assertEquals("limit", problem.errors().getFirst().field());
    }
}
