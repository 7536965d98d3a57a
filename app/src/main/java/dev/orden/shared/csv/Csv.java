package dev.orden.shared.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, CRLF after each record, quoted when they hold a comma, quote or break.
 * A text that a spreadsheet would read as a formula (starting with {@code = + - @}, a tab or a carriage return: a
 * person's name "+34 Ana", a note "=cmd|' /C calc'!A0") is written with a leading {@code '}, so that opening an
 * export runs nothing (OWASP, "CSV injection"); numbers, dates and other values are written as they are.
 */
public final class Csv {

    private Csv() {}

    public static void record(Writer out, List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.write(',');
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    public static String field(Object value) {
        if (value == null) return "";
        var text = value instanceof CharSequence chars ? neutralised(chars.toString()) : value.toString();
        if (text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
