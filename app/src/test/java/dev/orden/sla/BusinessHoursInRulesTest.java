package dev.orden.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.orden.rules.Compilation;
import dev.orden.rules.Evaluation;
import dev.orden.rules.Limits;
import dev.orden.rules.RuleEngine;
import dev.orden.rules.RuleError;
import dev.orden.rules.sandbox.SandboxConfig;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules' business-hours helpers ({@code dates.addBusinessHours}, {@code businessHoursBetween},
 * {@code isBusinessTime}, in the sandbox's prelude) give the SLA clock's answers ({@link BusinessCalendar}) for the
 * same calendar, across daylight-saving changes, weekends and holidays.
 */
class BusinessHoursInRulesTest {

    private static final RuleEngine ENGINE = RuleEngine.of(SandboxConfig.defaults()
            .withMaxima(Limits.defaults().withStatements(50_000_000).withTimeout(Duration.ofSeconds(60))
                    .withAllocatedBytes(1L << 30)));
    private static final double[] HOURS = {0, 0.5, 4, 9, 27, 100};
    private static final String RULE = """
            function rule(input) {
              return [{type: 'probe', results: input.change.starts.map((start) => ({
                open: dates.isBusinessTime(start, input.change.calendar),
                plus: input.change.hours.map((h) => dates.addBusinessHours(start, h, input.change.calendar)),
                between: dates.businessHoursBetween(start, dates.addHours(start, 61), input.change.calendar)}))}];
            }""";

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static JsonArray calendars() {
        var office = """
                {"key":"office","zone":"Europe/Madrid","hours":[{"days":["mon","tue","wed","thu","fri"],"from":"09:00",
                 "to":"14:00"},{"days":["mon","tue","wed","thu"],"from":"15:00","to":"18:30"},{"days":["sat"],
                 "from":"22:00","to":"24:00"}],"holidays":["2026-03-30","2026-10-26","2026-12-08"]}""";
        var nights = """
                {"key":"nights","zone":"America/New_York","hours":[{"days":["sun","sat"],"from":"00:00","to":"24:00"},
                 {"days":["mon","tue","wed","thu","fri"],"from":"01:00","to":"03:30"}],"holidays":["2026-11-01"]}""";
        var always = """
                {"key":"always","zone":"Europe/Madrid"}""";
        return Json.createReader(new StringReader("[" + office + "," + nights + "," + always + "]")).readArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"office", "nights", "always"})
    void theHelpersAgreeWithTheSlaClock(String key) {
        var calendar = SlaTargets.calendar(calendars().stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("key").equals(key)).findFirst().orElseThrow());
        var starts = new ArrayList<Instant>();
        for (var around : List.of("2026-03-27T00:00:00Z", "2026-10-23T00:00:00Z", "2026-10-30T12:00:00Z",
                "2026-12-05T00:00:00Z")) {
            for (int i = 0; i < 20; i++) starts.add(Instant.parse(around).plus(Duration.ofMinutes(i * 257L)));
        }
        var effects = run(key, starts);
        for (int i = 0; i < starts.size(); i++) {
            var start = starts.get(i);
            var effect = effects.getJsonObject(i);
            for (int h = 0; h < HOURS.length; h++) {
                var expected = calendar.plus(start, Duration.ofSeconds((long) (HOURS[h] * 3600)));
                assertEquals(expected, Instant.parse(effect.getJsonArray("plus").getString(h)),
                        () -> key + ": " + start + " + business hours");
            }
            var between = calendar.between(start, start.plus(Duration.ofHours(61)));
            assertEquals(between.toSeconds() / 3600.0, effect.getJsonNumber("between").doubleValue(), 1e-9,
                    () -> key + ": between " + start);
            var open = !calendar.plus(start, Duration.ZERO).isAfter(start)
                    && calendar.between(start, start.plusSeconds(1)).equals(Duration.ofSeconds(1));
            assertEquals(open, effect.getBoolean("open"), () -> key + ": is " + start + " business time");
        }
    }

    @Test
    void aMissingCalendarIsTheRulesError() {
        var rule = ENGINE.compile("probe", "function rule(input) { return [{type: 'x', at: dates.addBusinessHours("
                + "input.now, 1, 'nope')}]; }");
        var result = ENGINE.evaluate(UUID.randomUUID(), assertInstanceOf(Compilation.Compiled.class, rule).rule(),
                "{\"now\":\"2026-11-27T10:00:00Z\",\"calendars\":[]}");
        var error = assertInstanceOf(Evaluation.Failed.class, result).error();
        assertEquals(RuleError.Kind.EXCEPTION, error.kind());
        assertEquals("RangeError: dates: no business calendar 'nope' (sla.json)", error.message());
    }

    private static JsonArray run(String key, List<Instant> starts) {
        var hours = Json.createArrayBuilder();
        for (double h : HOURS) hours.add(h);
        var startList = Json.createArrayBuilder();
        starts.forEach(s -> startList.add(s.toString()));
        var input = Json.createObjectBuilder().add("calendars", calendars())
                .add("change", Json.createObjectBuilder().add("calendar", key).add("hours", hours).add("starts", startList))
                .build();
        var rule = ENGINE.compile("probe", RULE);
        var result = ENGINE.evaluate(UUID.randomUUID(), assertInstanceOf(Compilation.Compiled.class, rule).rule(),
                input.toString());
        return assertInstanceOf(Evaluation.Effects.class, result, result::toString).effects().getJsonObject(0)
                .getJsonArray("results");
    }
}
