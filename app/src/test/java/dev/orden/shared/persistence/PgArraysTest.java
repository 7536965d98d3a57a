package dev.orden.shared.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PgArraysTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void idsBecomeOneArrayLiteralInTheirOrder() {
        assertEquals("{00000000-0000-0000-0000-00000000000a,00000000-0000-0000-0000-00000000000b}",
                PgArrays.uuids(List.of(A, B)));
        assertEquals("{}", PgArrays.uuids(List.of()));
    }

    @Test
    void rowsComeBackByTheIdInTheirFirstColumn() {
        List<?> rows = List.of(new Object[] {B.toString(), "second", 2}, new Object[] {A.toString(), "first", 1});
        assertEquals(Map.of(A, "first1", B, "second2"), PgArrays.byFirstColumn(rows, r -> (String) r[1] + r[2]));
    }
}
