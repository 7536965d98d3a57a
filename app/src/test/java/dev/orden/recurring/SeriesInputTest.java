package dev.orden.recurring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesInputTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant NOW = Instant.parse("2026-03-06T22:30:00Z");

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static List<String> fields(String body) {
        var e = assertThrows(ProblemException.class, () -> SeriesInput.read(json(body), UTC, NOW));
        return e.problem().errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aWeekdaySeriesWithDefaults() {
        var read = SeriesInput.read(json("{'name': ' Rounds ', 'template': {'title': 'Round'},"
                + " 'schedule': {'kind': 'weekdays', 'days': ['mon', 'Thursday'], 'time': '08:00'},"
                + " 'zone': 'Europe/Madrid'}"), UTC, NOW);
        assertEquals("Rounds", read.name());
        assertEquals(ZoneId.of("Europe/Madrid"), read.zone());
        assertEquals(new Schedule.Weekdays(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                LocalDate.parse("2026-03-06"), LocalTime.of(8, 0)), read.schedule(), "start: today in Madrid");
        assertEquals(0, read.leadDays());
        var stored = SeriesInput.read(Series.body(read).build(), UTC, NOW.plusSeconds(86_400 * 30));
        assertEquals(read, stored, "what is stored reads back the same");
    }

    @Test
    void everyProblemIsNamedOnce() {
        assertEquals(List.of("name", "template", "schedule"), fields("{}"));
        assertEquals(List.of("extra", "template.dueAt", "zone", "schedule.cron", "leadDays", "maxOccurrences"),
                fields("{'name': 'x', 'extra': 1, 'template': {'title': 't', 'dueAt': 'x'}, 'zone': 'Nowhere/Town',"
                        + " 'schedule': {'kind': 'cron', 'cron': '61 * * * *'}, 'leadDays': 400, 'maxOccurrences': 0}"));
        assertEquals(List.of("schedule.every", "schedule.unit", "schedule.time"),
                fields("{'name': 'x', 'template': {}, 'schedule': {'kind': 'interval', 'every': 0, 'unit': 'hours',"
                        + " 'time': '8am'}}"));
        assertEquals(List.of("schedule.days"), fields("{'name': 'x', 'template': {}, 'schedule': {'kind': 'afterCompletion',"
                + " 'days': 1.5, 'time': '08:00'}}"));
        assertEquals(List.of("endsOn"), fields("{'name': 'x', 'template': {}, 'endsOn': '2026-01-01',"
                + " 'schedule': {'kind': 'cron', 'cron': '0 8 * * *', 'start': '2026-02-01'}}"));
    }
}
