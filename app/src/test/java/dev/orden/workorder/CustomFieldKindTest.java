package dev.orden.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomFieldKindTest {

    @ParameterizedTest
    @EnumSource(CustomFieldKind.class)
    void theSqlTakesTheValueThroughPlaceholdersOnly(CustomFieldKind kind) {
        var key = kind.sortKey(SqlFragment.of("(? -> CAST(? AS text))", "w.customFields", ":key"));
        assertFalse(key.text().contains(CustomFieldKind.VALUE));
        assertTrue(key.arguments().size() >= 4, key.toString());
        for (int i = 0; i < key.arguments().size(); i += 2) {
            assertEquals(List.of("w.customFields", ":key"), key.arguments().subList(i, i + 2));
        }
    }

    @Test
    void rangesAreForNumbersDatesAndTimes() {
        assertEquals(List.of(CustomFieldKind.NUMBER, CustomFieldKind.DATE, CustomFieldKind.DATETIME),
                java.util.Arrays.stream(CustomFieldKind.values()).filter(CustomFieldKind::ranges).toList());
        assertEquals(Optional.empty(), CustomFieldKind.TEXT.bound("a"));
        assertEquals(Optional.empty(), CustomFieldKind.BOOLEAN.bound("true"));
    }

    /** Every day from year 1 to 2400 that the calendar has, and only those, passes the date pattern. */
    @Test
    void theDatePatternIsTheCalendar() {
        var pattern = CustomFieldKind.Patterns.DATE_VALUE;
        for (int year : new int[] {1, 4, 100, 400, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9999}) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 1; day <= 31; day++) {
                    var text = "%04d-%02d-%02d".formatted(year, month, day);
                    assertEquals(isDate(text), pattern.matcher(text).matches(), text);
                }
            }
        }
        for (var text : List.of("0000-01-01", "2026-00-10", "2026-13-01", "2026-01-00", "10000-01-01", "2026-1-01",
                "-2026-01-01", "2026-01-01 ")) {
            assertFalse(pattern.matcher(text).matches(), text);
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T10:15:00+01:00", "2026-03-01T10:15Z", "2026-03-01T10:15:59.123456789-05:30",
            "2024-02-29T00:00:00z", "2026-03-01t23:59:59.5+15:59", "2026-03-01T00:00:00-00:00", "2026-03-01T10:15+01:00:30"})
    void dateTimesTheFieldEngineAcceptsAndPostgresParses(String text) {
        assertTrue(CustomFieldKind.Patterns.DATETIME_VALUE.matcher(text).matches(), text);
        OffsetDateTime.parse(text.toUpperCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T10:15", "2026-03-01T24:00Z", "2026-03-01T10:60Z", "2026-03-01T10:15:60Z",
            "2026-02-29T10:15Z", "2026-03-01T10:15+16:00", "2026-03-01T10:15+0100", "2026-03-01 10:15Z", "2026-03-01",
            "2026-03-01T10:15:00.Z", "0000-01-01T00:00Z"})
    void dateTimesOutsideThePatternHaveNoKey(String text) {
        assertFalse(CustomFieldKind.Patterns.DATETIME_VALUE.matcher(text).matches(), text);
    }

    @Test
    void theSqlHasNoQuestionMarkOfItsOwn() {
        for (var kind : CustomFieldKind.values()) {
            assertEquals(0, kind.sortKey(SqlFragment.of("x")).arguments().size());
            assertFalse(kind.sortKey(SqlFragment.of("x")).text().contains("?"), kind.name());
        }
        assertFalse(CustomFieldKind.EMPTY.contains("?"));
    }

    @Test
    void fragmentsKeepTheirArgumentsInTextOrder() {
        var value = SqlFragment.of("(? -> ?)", "w.customFields", ":k");
        var fragment = SqlFragment.of("? < {v} AND {v} < ?", ":low", ":high").with("{v}", value);
        assertEquals("? < (? -> ?) AND (? -> ?) < ?", fragment.text());
        assertEquals(List.of(":low", "w.customFields", ":k", "w.customFields", ":k", ":high"), fragment.arguments());
        assertEquals("SQL('? < (? -> ?) AND (? -> ?) < ?', :low, w.customFields, :k, w.customFields, :k, :high)",
                fragment.jpql());
        assertEquals("SQL('a = ''{}''')", SqlFragment.of("a = '{}'").jpql(), "quotes doubled in the JPQL literal");
        assertThrows(IllegalArgumentException.class, () -> SqlFragment.of("? = ?", ":one"));
    }
}
