package dev.orden.workorder;

import static dev.orden.workorder.Fixtures.fieldErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.config.field.FieldDefinition;
import dev.orden.shared.problem.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkOrderSortTest {

    private static final Map<String, FieldDefinition> FIELDS = CustomFieldFixtures.everyType();
    private static final String SORTABLE = "custom fields to sort on: cf.fboolean, cf.fdate, cf.fdatetime, "
            + "cf.femail, cf.fmoney, cf.fnumber, cf.fphone, cf.fselect, cf.ftext, cf.furl";

    static List<WorkOrderSort> fixedSorts() {
        return WorkOrderSort.FIXED;
    }

    @ParameterizedTest
    @MethodSource("fixedSorts")
    void parseKnowsEveryFixedParameter(WorkOrderSort sort) {
        assertEquals(sort, WorkOrderSort.parse(sort.parameter(), Map.of()));
        assertEquals(!sort.ascending(), sort.parameter().startsWith("-"));
        assertEquals(sort.timeField() == null, sort.parameter().endsWith("number"));
        if (sort.timeField() != null) assertTrue(sort.parameter().endsWith(sort.timeField()));
        assertEquals(null, sort.field());
        assertFalse(WorkOrderSort.needsFields(sort.parameter()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void theDefaultSortIsNewestFirst(String blank) {
        assertEquals(WorkOrderSort.CREATED_DESC, WorkOrderSort.parse(blank, FIELDS));
        assertEquals(WorkOrderSort.CREATED_DESC, WorkOrderSort.parse(null, FIELDS));
        assertFalse(WorkOrderSort.needsFields(blank));
        assertFalse(WorkOrderSort.needsFields(null));
    }

    @ParameterizedTest(name = "{0} sorts as {1}")
    @CsvSource({
            "fnumber, NUMBER", "fmoney, NUMBER", "fdate, DATE", "fdatetime, DATETIME", "fboolean, BOOLEAN",
            "ftext, TEXT", "fselect, TEXT", "femail, TEXT", "fphone, TEXT", "furl, TEXT"})
    void aFieldSortIsTypedByTheFieldsDefinition(String key, CustomFieldKind kind) {
        var ascending = WorkOrderSort.parse("cf." + key, FIELDS);
        assertEquals(new WorkOrderSort.Field(key, kind), ascending.field());
        assertTrue(ascending.ascending());
        assertEquals("cf." + key, ascending.parameter());
        assertEquals(null, ascending.timeField());
        var descending = WorkOrderSort.parse("-cf." + key, FIELDS);
        assertEquals(new WorkOrderSort.Field(key, kind), descending.field());
        assertFalse(descending.ascending());
        assertEquals("-cf." + key, descending.parameter());
        assertTrue(WorkOrderSort.needsFields("-cf." + key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fmultiselect", "flocation", "fattachment", "fuser", "flongtext"})
    void fieldsWithoutAnOrderAreRefusedNamingTheSortableOnes(String key) {
        var type = FIELDS.get(key).type().name();
        for (var sort : List.of("cf." + key, "-cf." + key)) {
            assertEquals(List.of(new FieldError("sort", "'" + key + "' is a " + type + " field, which has no order; "
                    + SORTABLE)), fieldErrors(() -> WorkOrderSort.parse(sort, FIELDS)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cf.nothere", "-cf.FNUMBER", "cf.", "cf.fnumber.gte", "cf.fnumber ", "cf.bad-key"})
    void unknownFieldsAreRefusedNamingTheSortableOnes(String sort) {
        var key = sort.substring(sort.indexOf("cf.") + 3);
        assertEquals(List.of(new FieldError("sort", "'" + key + "' is not a custom field of this tenant's "
                + "configuration; " + SORTABLE)), fieldErrors(() -> WorkOrderSort.parse(sort, FIELDS)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"created", "CreatedAt", "+number", "number ", "title", "--number", "-", "fnumber"})
    void unknownSortsAreRefusedListingTheAllowedOnes(String unknown) {
        assertTrue(WorkOrderSort.needsFields(unknown));
        assertEquals(List.of(new FieldError("sort", "must be one of number, -number, createdAt, -createdAt, "
                        + "updatedAt, -updatedAt, or [-]cf.<key> for a custom field; " + SORTABLE)),
                fieldErrors(() -> WorkOrderSort.parse(unknown, FIELDS)));
    }

    @Test
    void aTenantWithoutSortableFieldsIsToldSo() {
        var unsortable = Map.of("fuser", FIELDS.get("fuser"));
        assertEquals(List.of(new FieldError("sort", "'fuser' is a user field, which has no order; this tenant has no "
                + "custom field to sort on")), fieldErrors(() -> WorkOrderSort.parse("cf.fuser", unsortable)));
        assertEquals(List.of(new FieldError("sort", "'x' is not a custom field of this tenant's configuration; this "
                + "tenant has no custom field to sort on")), fieldErrors(() -> WorkOrderSort.parse("cf.x", Map.of())));
    }
}
