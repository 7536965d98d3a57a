package dev.orden.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static Summary.Day day(String date, long created, long completed) {
        return new Summary.Day(LocalDate.parse(date), created, completed);
    }

    @Test
    void daysAreSummedByTheirMondayToSundayWeek() {
        var days = List.of(day("2026-12-30", 1, 0), day("2026-12-31", 2, 1), day("2027-01-03", 0, 4),
                day("2027-01-04", 5, 5), day("2027-01-10", 1, 1), day("2027-01-11", 7, 0));
        assertEquals(List.of(new Summary.Week(LocalDate.parse("2026-12-28"), 3, 5),
                new Summary.Week(LocalDate.parse("2027-01-04"), 6, 6),
                new Summary.Week(LocalDate.parse("2027-01-11"), 7, 0)), Summary.weeks(days));
        assertEquals(List.of(), Summary.weeks(List.of()));
    }

    @Test
    void aBacklogDayTotalsItsCategoriesInOrder() {
        var day = Summary.BacklogDay.of(LocalDate.parse("2026-03-29"), 1, 2, 4);
        assertEquals(7, day.total());
        assertEquals(List.of("new", "open", "pending"), List.copyOf(day.byStatusCategory().keySet()));
        assertEquals(List.of(1L, 2L, 4L), List.copyOf(day.byStatusCategory().values()));
    }

    @Test
    void backlogCountsGroupedIntoDaysWithEveryCategoryAndTheOtherDimensionsAsGiven() {
        var first = LocalDate.parse("2026-03-29");
        var second = first.plusDays(1);
        var days = Summary.backlogDays(List.of(
                new Summary.DayCount(first, "statusCategory", "open", 2),
                new Summary.DayCount(first, "type", "legacy", 2),
                new Summary.DayCount(first, "area", null, 2),
                new Summary.DayCount(second, "statusCategory", "pending", 1),
                new Summary.DayCount(second, "team", "beta", 1)));
        assertEquals(2, days.size());
        assertEquals(first, days.getFirst().date());
        assertEquals(2, days.getFirst().total());
        assertEquals(List.of(0L, 2L, 0L), List.copyOf(days.getFirst().byStatusCategory().values()));
        assertEquals(List.of(new Summary.Count("legacy", 2)), days.getFirst().byType());
        assertEquals(List.of(new Summary.Count(null, 2)), days.getFirst().byArea());
        assertEquals(List.of(), days.getFirst().byTeam());
        assertEquals(1, days.getLast().total());
        assertEquals(List.of(new Summary.Count("beta", 1)), days.getLast().byTeam());
    }
}
