package dev.orden.porting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderColumnsTest {

    private static final OrderColumns.FieldTypes TYPES = type -> Map.of("units", "number", "warranty", "boolean",
            "tags", "multiselect", "technician", "user", "site", "location");
    private static final OrderColumns.People PEOPLE = email -> email.equals("ana@x.test")
            ? Optional.of("11111111-1111-1111-1111-111111111111") : Optional.empty();

    @Test
    void standardColumnsAreMatchedLooselyAndTheRestAreCustomFields() {
        var columns = OrderColumns.of(List.of("Title", "Requester Email", "assigneeEmail", "created_at", "cf.units",
                "warranty"));
        assertEquals(List.of(), columns.headerErrors());
        var mapped = columns.map(1, new String[] {" Leaking tap ", "Ana@X.test", "bo@x.test", "2026-03-01", "12.50",
                "yes"}, TYPES, PEOPLE);
        assertEquals("Leaking tap", mapped.body().getString("title"));
        assertEquals("ana@x.test", mapped.requesterEmail());
        assertEquals("bo@x.test", mapped.assigneeEmail());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), mapped.createdAt());
        assertEquals(Json.createObjectBuilder().add("units", new java.math.BigDecimal("12.50")).add("warranty", true)
                .build(), mapped.body().getJsonObject("customFields"));
        assertEquals(List.of(), mapped.errors());
    }

    @Test
    void cellsAreReadAsTheirFieldsTypeNeeds() {
        var errors = new ArrayList<RowError>();
        assertEquals(Json.createArrayBuilder().add("a").add("b").build(),
                OrderColumns.cell("multiselect", "a; b;", PEOPLE, 3, "tags", errors));
        assertEquals(Json.createValue("11111111-1111-1111-1111-111111111111"),
                OrderColumns.cell("user", "ana@x.test", PEOPLE, 3, "technician", errors));
        assertEquals(Json.createValue("twelve"), OrderColumns.cell("number", "twelve", PEOPLE, 3, "units", errors),
                "left as text for the field's own check to name");
        assertEquals(Json.createObjectBuilder().add("address", "Main St").build(),
                OrderColumns.cell("location", "{\"address\":\"Main St\"}", PEOPLE, 3, "site", errors));
        assertEquals(List.of(), errors);
        OrderColumns.cell("user", "nobody@x.test", PEOPLE, 4, "technician", errors);
        OrderColumns.cell("location", "{broken", PEOPLE, 5, "site", errors);
        OrderColumns.cell("attachment", "[{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"name\":\"a.png\"}]",
                PEOPLE, 6, "photos", errors);
        assertEquals(List.of(new RowError(4, "technician", "no member of this tenant has this e-mail address"),
                new RowError(5, "site", "is not valid JSON"), new RowError(6, "photos", OrderColumns.NO_FILES)),
                errors, "a file named in a cell is not the imported order's: no order has files before it exists");
    }

    @Test
    void emptyCellsAreNoValueAndAShortRowIsAnError() {
        var columns = OrderColumns.of(List.of("title", "priority", "units"));
        var mapped = columns.map(7, new String[] {"Fix", ""}, TYPES, PEOPLE);
        assertTrue(!mapped.body().containsKey("priority"));
        assertEquals(List.of(new RowError(7, null, "has 2 values; the header has 3")), mapped.errors());
    }

    @Test
    void theHeaderNeedsATitleAndNoRepeatsOrUnreadableNames() {
        var errors = OrderColumns.of(List.of("priority", "Priority", "not a key!")).headerErrors();
        assertEquals(List.of("Priority", "not a key!", "title"), errors.stream().map(RowError::column).toList());
        errors.forEach(e -> assertEquals(0, e.row()));
    }

    @Test
    void errorsOfTheCreateRequestNameTheColumnAsTheFileWritesIt() {
        var columns = OrderColumns.of(List.of("Title", "Due At", "cf.units"));
        assertEquals("Due At", columns.columnOf("dueAt"));
        assertEquals("cf.units", columns.columnOf("customFields.units"));
        assertEquals("status", columns.columnOf("status"));
        assertNull(columns.columnOf(null));
    }

    @Test
    void badDatesAreRowErrors() {
        var errors = new ArrayList<RowError>();
        assertNull(OrderColumns.instant("yesterday", 9, "created_at", errors));
        assertEquals(1, errors.size());
        assertEquals(Instant.parse("2026-03-01T09:15:00Z"),
                OrderColumns.instant("2026-03-01T10:15:00+01:00", 9, "created_at", errors));
    }

    @Test
    void csvIsReadRecordByRecordWithQuotedCommasAndLineBreaks() {
        var text = "title,description\n\"A, b\",\"two\nlines\"\n\nC,\"say \"\"hi\"\"\"\n";
        try (var csv = CsvRecords.open(new StringReader(text))) {
            assertEquals(List.of("title", "description"), csv.header());
            assertEquals(List.of("A, b", "two\nlines"), List.of(csv.next().orElseThrow()));
            assertEquals(1, csv.row());
            assertEquals(List.of("C", "say \"hi\""), List.of(csv.next().orElseThrow()));
            assertEquals(2, csv.row());
            assertTrue(csv.next().isEmpty());
        }
    }
}
