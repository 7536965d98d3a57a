package dev.orden.shared.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 records: fields separated by commas, CRLF after each record, quoted when they hold a comma, quote or break. */
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
        var text = value.toString();
        if (text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
