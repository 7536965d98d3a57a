package dev.orden.shared.problem;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * What no request may carry, whatever the endpoint: text PostgreSQL cannot store (NUL) or that is not Unicode (a
 * lone surrogate), and JSON nested deeper than any Orden document is. Found before any code handles the request, so
 * an endpoint written tomorrow cannot fail on them with a 5xx.
 */
public final class UntrustedText {

    private UntrustedText() {}

    /** Why {@code text} cannot be accepted, or null when it can. */
    public static String problemOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') return "must not contain the NUL character (\\u0000)";
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode text (an unpaired surrogate)";
            }
        }
        return null;
    }

    /** Every string and member name of {@code value} that cannot be accepted, named by its path in the body. */
    public static List<FieldError> problemsIn(JsonValue value) {
        var errors = new ArrayList<FieldError>();
        visit(value, "", errors);
        return errors;
    }

    /**
     * How deeply the JSON text nests objects and arrays, counted on its bytes before any parser sees it: a parser
     * builds values recursively, and a document of a few thousand brackets would exhaust its stack.
     */
    public static int nestingDepth(byte[] json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            if (inString) {
                if (escaped) escaped = false;
                else if (b == '\\') escaped = true;
                else if (b == '"') inString = false;
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '[', '{' -> deepest = Math.max(deepest, ++depth);
                case ']', '}' -> depth--;
                default -> { }
            }
        }
        return deepest;
    }

    private static void visit(JsonValue value, String path, List<FieldError> errors) {
        switch (value) {
            case JsonObject object -> object.forEach((name, member) -> {
                var memberPath = path.isEmpty() ? name : path + "." + name;
                var nameProblem = problemOf(name);
                if (nameProblem != null) errors.add(new FieldError(printable(memberPath), "name " + nameProblem));
                else visit(member, memberPath, errors);
            });
            case JsonArray array -> {
                for (int i = 0; i < array.size(); i++) visit(array.get(i), path + "[" + i + "]", errors);
            }
            case JsonString string -> {
                var problem = problemOf(string.getString());
                if (problem != null) errors.add(new FieldError(path.isEmpty() ? "body" : path, problem));
            }
            default -> { }
        }
    }

    /** A path that can itself be shown and stored: the characters that are the problem replaced. */
    private static String printable(String path) {
        var out = new StringBuilder();
        path.codePoints().forEach(cp -> out.append(cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) ? "\uFFFD"
                : new String(Character.toChars(cp))));
        return out.toString();
    }
}
