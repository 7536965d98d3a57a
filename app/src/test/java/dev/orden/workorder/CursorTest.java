package dev.orden.workorder;

import static dev.orden.workorder.Fixtures.fieldErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.shared.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    static final WorkOrderSort QTY = WorkOrderSort.byField("qty", CustomFieldKind.NUMBER, true);
    static final WorkOrderSort QTY_DESC = WorkOrderSort.byField("qty", CustomFieldKind.NUMBER, false);
    static final WorkOrderSort COST = WorkOrderSort.byField("cost", CustomFieldKind.NUMBER, true);

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
    @MethodSource("fixedSorts")
    void afterTakesTheSortedTimestampAndTheNumber(WorkOrderSort sort) {
        var order = touchedOrder();
        var cursor = Cursor.after(order, sort);
        assertEquals(sort, cursor.sort());
        assertEquals(42, cursor.number());
        var expected = sort.parameter().endsWith("createdAt") ? order.createdAt()
                : sort.parameter().endsWith("updatedAt") ? order.updatedAt() : null;
        assertEquals(expected, cursor.at());
    }

    @ParameterizedTest
    @MethodSource("fixedSorts")
    void roundTripsForEverySortKeepingMicroseconds(WorkOrderSort sort) {
        var at = sort.timeField() == null ? null : Instant.parse("2026-03-01T10:15:30.123456Z");
        var cursor = new Cursor(sort, at, 9_007_199_254_740_993L);
        var encoded = cursor.encode();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), () -> "URL-safe, unpadded: " + encoded);
        assertEquals(cursor, Cursor.decode(encoded, sort));
    }

    @ParameterizedTest
    @MethodSource("fixedSorts")
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

    static List<WorkOrderSort> fixedSorts() {
        return WorkOrderSort.FIXED;
    }

    static Stream<Arguments> differentSorts() {
        var all = Stream.concat(WorkOrderSort.FIXED.stream(), Stream.of(QTY, QTY_DESC, COST)).toList();
        return all.stream().flatMap(made -> all.stream().filter(used -> !used.equals(made))
                .map(used -> Arguments.of(made, used)));
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
            "-createdAt||5;       -createdAt",
            "updatedAt||5;        updatedAt",
            "||5;                 -createdAt",
            " |1767225600000000|5; -createdAt",
            "bogus|1|2;           number",
            "number|1767225600000000|5; number",
            "cf.qty||5;           cf.qty",
            "cf.qty|1767225600000000|5|1; cf.qty",
            "cf.qty||5|{\"open;  cf.qty",
            "cf.qty||x|1;         cf.qty",
            "number||5|1;         number",
            "cf.||5|1;            -createdAt"})
    void cursorsThatDoNotFitTheirSortAreRefused(String text, String sort) {
        assertEquals(NOT_A_CURSOR, fieldErrors(() -> Cursor.decode(encodeText(text), sortNamed(sort))));
    }

    private static WorkOrderSort sortNamed(String parameter) {
        return switch (parameter) {
            case "cf.qty" -> QTY;
            default -> WorkOrderSort.FIXED.stream().filter(s -> s.parameter().equals(parameter)).findFirst().orElseThrow();
        };
    }

    @Test
    void aFieldSortCarriesTheLastRowsValueAsStored() {
        var order = Fixtures.open(); // custom fields {"floor":2,"urgent":true}
        var byFloor = WorkOrderSort.byField("floor", CustomFieldKind.NUMBER, false);
        var cursor = Cursor.after(order, byFloor);
        assertEquals(Json.createValue(2), cursor.value());
        assertEquals(42, cursor.number());
        assertEquals(null, cursor.at());
        assertEquals(cursor, Cursor.decode(cursor.encode(), byFloor));
        assertEquals(JsonValue.NULL, Cursor.after(order, QTY).value(), "a row without the field: JSON null");
        assertEquals(JsonValue.NULL, Cursor.decode(Cursor.after(order, QTY).encode(), QTY).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a|b|c\"", "{\"x\":[1,\"|\"]}", "\"ñandú ✓\"", "-1.5E+3", "true", "null", "\"\""})
    void anyStoredValueRoundTrips(String json) {
        var value = Json.createReader(new java.io.StringReader(json)).readValue();
        var cursor = new Cursor(QTY, null, 7, value);
        var encoded = cursor.encode();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), () -> "URL-safe, unpadded: " + encoded);
        assertEquals(cursor, Cursor.decode(encoded, QTY));
    }
}
