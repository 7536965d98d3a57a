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
    void textASpreadsheetWouldReadAsAFormulaIsNeutralised() {
        assertEquals("'=cmd|' /C calc'!A0", Csv.field("=cmd|' /C calc'!A0"));
        assertEquals("'+34 600 000 000", Csv.field("+34 600 000 000"));
        assertEquals("'-2+3", Csv.field("-2+3"));
        assertEquals("'@SUM(A1:A9)", Csv.field("@SUM(A1:A9)"));
        assertEquals("'\t=1", Csv.field("\t=1"));
        assertEquals("\"'=HYPERLINK(\"\"http://x.test\"\",\"\"x\"\")\"", Csv.field("=HYPERLINK(\"http://x.test\",\"x\")"));
        assertEquals("a=b", Csv.field("a=b"), "only a leading sign makes a formula");
        // Numbers and other values are no text a person typed: a negative number stays a number.
        assertEquals("-5", Csv.field(-5));
        assertEquals("-0.5", Csv.field(new java.math.BigDecimal("-0.5")));
    }

    @Test
    void aRecordEndsWithCrlf() throws IOException {
        var out = new StringWriter();
        Csv.record(out, Arrays.asList("x", 1, null, "y,z"));
        assertEquals("x,1,,\"y,z\"\r\n", out.toString());
    }
}
