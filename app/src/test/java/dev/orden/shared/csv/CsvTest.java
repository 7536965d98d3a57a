package dev.orden.shared.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsAreQuotedOnlyWhenTheyMust() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("", Csv.field(null));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"Ana \"\"la\"\" Pérez, jefa\"", Csv.field("Ana \"la\" Pérez, jefa"));
        assertEquals("\"two\r\nlines\"", Csv.field("two\r\nlines"));
    }

    @Test
    void aRecordEndsWithCrlf() throws IOException {
        var out = new StringWriter();
        Csv.record(out, Arrays.asList("x", 1, null, "y,z"));
        assertEquals("x,1,,\"y,z\"\r\n", out.toString());
    }
}
