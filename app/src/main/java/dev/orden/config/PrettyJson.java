package dev.orden.config;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * JSON text as the files in {@code tenant-config/} are written: two-space indents, {@code "key": value}, one member
 * or item per line, empty containers as {@code []} and {@code {}}, non-ASCII text as is, a final newline (Python's
 * {@code json.dumps(value, indent=2, ensure_ascii=False)}). JSON-P's own pretty printing indents by four, so an
 * exported folder would differ from the repository's on every line.
 */
final class PrettyJson {

    private PrettyJson() {}

    static String text(JsonValue value) {
        var out = new StringBuilder();
        write(value, "", out);
        return out.append('\n').toString();
    }

    private static void write(JsonValue value, String indent, StringBuilder out) {
        switch (value) {
            case JsonObject object when !object.isEmpty() -> {
                var inner = indent + "  ";
                out.append("{\n");
                var first = true;
                for (var member : object.entrySet()) {
                    if (!first) out.append(",\n");
                    first = false;
                    string(member.getKey(), out.append(inner));
                    write(member.getValue(), inner, out.append(": "));
                }
                out.append('\n').append(indent).append('}');
            }
            case JsonArray array when !array.isEmpty() -> {
                var inner = indent + "  ";
                out.append("[\n");
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) out.append(",\n");
                    write(array.get(i), inner, out.append(inner));
                }
                out.append('\n').append(indent).append(']');
            }
            case JsonString string -> string(string.getString(), out);
            default -> out.append(value); // numbers, literals, {} and []
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
