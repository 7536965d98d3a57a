package dev.orden.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkOrderReferenceTest {

    @Test
    void aUuidIsAnId() {
        var id = UUID.randomUUID();
        assertEquals(new WorkOrderReference.ById(id), WorkOrderReference.parse(id.toString()));
        assertEquals(new WorkOrderReference.ById(id), WorkOrderReference.parse(id.toString().toUpperCase()));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"WO-12, 12, WO", "wo-12, 12, WO", "Wo-12, 12, WO", "12, 12, -",
            "WO-0007, 7, WO", "0, 0, -", "INC-7, 7, INC", "xo-12, 12, XO", "ABCDEF-3, 3, ABCDEF",
            "999999999999999999, 999999999999999999, -", "WO-999999999999999999, 999999999999999999, WO"})
    void aNumberWithOrWithoutPrefixIsANumber(String reference, long number, String prefix) {
        assertEquals(new WorkOrderReference.ByNumber(number, prefix), WorkOrderReference.parse(reference));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "WO-", "WO", "WO-12a", "WO 12", " 12", "12 ", "-12", "+12", "12.5", "WO--12",
            "ABCDEFG-12", "W0-12", "WO-\u0661\u0662", "\uff11\uff12", "not-a-uuid",
            "9223372036854775807", "9223372036854775808", "WO-123456789012345678901234567890"})
    void anythingElseNamesNothing(String reference) {
        var parsed = WorkOrderReference.parse(reference);
        assertInstanceOf(WorkOrderReference.Nothing.class, parsed);
        assertEquals(Optional.empty(), parsed.find(null), "Nothing never asks the repository");
    }
}
