package dev.orden.workorder;

import static dev.orden.workorder.Fixtures.fieldErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.shared.problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    private static final List<FieldError> NOT_A_CURSOR =
            List.of(new FieldError("cursor", "is not a cursor returned by this API"));

    static String encodeText(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An order whose createdAt and updatedAt differ. */
    private static WorkOrder touchedOrder() {
        var order = Fixtures.open();
        order.assign(null, "plumbers", Fixtures.DISPATCHER, null);
        assertNotEquals(order.createdAt(), order.updatedAt());
        return order;
    }

    @ParameterizedTest
    @EnumSource(WorkOrderSort.class)
    void afterTakesTheSortedTimestampAndTheNumber(WorkOrderSort sort) {
        var order = touchedOrder();
        var cursor = Cursor.after(order, sort);
        assertEquals(sort, cursor.sort());
        assertEquals(42, cursor.number());
        var expected = switch (sort) {
            case CREATED, CREATED_DESC -> order.createdAt();
            case UPDATED, UPDATED_DESC -> order.updatedAt();
            case NUMBER, NUMBER_DESC -> null;
        };
        assertEquals(expected, cursor.at());
    }

    @ParameterizedTest
    @EnumSource(WorkOrderSort.class)
    void roundTripsForEverySortKeepingMicroseconds(WorkOrderSort sort) {
        var at = sort.timeField() == null ? null : Instant.parse("2026-03-01T10:15:30.123456Z");
        var cursor = new Cursor(sort, at, 9_007_199_254_740_993L);
        var encoded = cursor.encode();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), () -> "URL-safe, unpadded: " + encoded);
        assertEquals(cursor, Cursor.decode(encoded, sort));
    }

    @ParameterizedTest
    @EnumSource(WorkOrderSort.class)
    void roundTripsARealOrder(WorkOrderSort sort) {
        var cursor = Cursor.after(touchedOrder(), sort);
        assertEquals(cursor, Cursor.decode(cursor.encode(), sort));
    }

    @Test
    void timestampsBeforeTheEpochSurvive() {
        var cursor = new Cursor(WorkOrderSort.CREATED, Instant.parse("1969-07-20T20:17:40.000001Z"), 1);
        assertEquals(cursor, Cursor.decode(cursor.encode(), WorkOrderSort.CREATED));
    }

    @Test
    void precisionBelowAMicrosecondIsDropped() {
        var cursor = new Cursor(WorkOrderSort.UPDATED, Instant.parse("2026-03-01T10:15:30.123456789Z"), 5);
        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"),
                Cursor.decode(cursor.encode(), WorkOrderSort.UPDATED).at());
    }

    static Stream<Arguments> differentSorts() {
        return Arrays.stream(WorkOrderSort.values()).flatMap(made -> Arrays.stream(WorkOrderSort.values())
                .filter(used -> used != made).map(used -> Arguments.of(made, used)));
    }

    @ParameterizedTest(name = "made for {0}, used with {1}")
    @MethodSource("differentSorts")
    void aCursorForAnotherSortIsRefused(WorkOrderSort made, WorkOrderSort used) {
        var encoded = Cursor.after(touchedOrder(), made).encode();
        assertEquals(List.of(new FieldError("cursor", "was made for sort " + made.parameter()
                + "; keep the same sort while paging")), fieldErrors(() -> Cursor.decode(encoded, used)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a cursor!", "%%%", "bnVtYmVy===", "AAAA"})
    void garbageIsRefused(String garbage) {
        assertEquals(NOT_A_CURSOR, fieldErrors(() -> Cursor.decode(garbage, WorkOrderSort.NUMBER)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"number", "number|", "number||", "number||1|2", "number||x", "number||99999999999999999999",
            "createdAt|soon|1", "createdAt|1.5|1"})
    void wellEncodedNonsenseIsRefused(String text) {
        var sort = text.startsWith("number") ? WorkOrderSort.NUMBER : WorkOrderSort.CREATED;
        assertEquals(NOT_A_CURSOR, fieldErrors(() -> Cursor.decode(encodeText(text), sort)));
    }

    /** Cursors this API never issues: they must fail here, not later as a 500 while building the query. */
    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiter = ';', value = {
            "-createdAt||5;       CREATED_DESC",
            "updatedAt||5;        UPDATED",
            "||5;                 CREATED_DESC",
            " |1767225600000000|5; CREATED_DESC",
            "bogus|1|2;           NUMBER",
            "number|1767225600000000|5; NUMBER"})
    void cursorsThatDoNotFitTheirSortAreRefused(String text, WorkOrderSort sort) {
        assertEquals(NOT_A_CURSOR, fieldErrors(() -> Cursor.decode(encodeText(text), sort)));
    }

    @ParameterizedTest
    @EnumSource(WorkOrderSort.class)
    void parseKnowsEveryParameter(WorkOrderSort sort) {
        assertEquals(sort, WorkOrderSort.parse(sort.parameter()));
        assertEquals(!sort.ascending(), sort.parameter().startsWith("-"));
        assertEquals(sort.timeField() == null, sort.parameter().endsWith("number"));
        if (sort.timeField() != null) assertTrue(sort.parameter().endsWith(sort.timeField()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void theDefaultSortIsNewestFirst(String blank) {
        assertEquals(WorkOrderSort.CREATED_DESC, WorkOrderSort.parse(blank));
        assertEquals(WorkOrderSort.CREATED_DESC, WorkOrderSort.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"created", "CreatedAt", "+number", "number ", "title"})
    void unknownSortsAreRefusedListingTheAllowedOnes(String unknown) {
        assertEquals(List.of(new FieldError("sort",
                        "must be one of number, -number, createdAt, -createdAt, updatedAt, -updatedAt")),
                fieldErrors(() -> WorkOrderSort.parse(unknown)));
    }
}
