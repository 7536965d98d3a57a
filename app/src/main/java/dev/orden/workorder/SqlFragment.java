package dev.orden.workorder;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL for EclipseLink's {@code SQL('…', arguments)} in JPQL: text whose every {@code ?} stands for the JPQL
 * argument at the same position (a path such as {@code w.customFields} or a parameter such as {@code :key}).
 * User input only ever travels as a parameter; the text comes from constants.
 */
record SqlFragment(String text, List<String> arguments) {

    SqlFragment {
        arguments = List.copyOf(arguments);
        var placeholders = text.chars().filter(c -> c == '?').count();
        if (placeholders != arguments.size()) {
            throw new IllegalArgumentException(placeholders + " placeholders for " + arguments.size() + " arguments: " + text);
        }
    }

    static SqlFragment of(String text, String... arguments) {
        return new SqlFragment(text, List.of(arguments));
    }

    /** This fragment with every {@code token} in its text replaced by {@code value}, arguments in order. */
    SqlFragment with(String token, SqlFragment value) {
        var text = new StringBuilder();
        var arguments = new ArrayList<String>();
        int argument = 0;
        for (int i = 0; i < this.text.length(); ) {
            if (this.text.startsWith(token, i)) {
                text.append(value.text);
                arguments.addAll(value.arguments);
                i += token.length();
            } else {
                char c = this.text.charAt(i++);
                if (c == '?') arguments.add(this.arguments.get(argument++));
                text.append(c);
            }
        }
        return new SqlFragment(text.toString(), arguments);
    }

    /** The JPQL: {@code SQL('text', arguments…)}, the text as a JPQL string literal. */
    String jpql() {
        var literal = "'" + text.replace("'", "''") + "'";
        return arguments.isEmpty() ? "SQL(" + literal + ")" : "SQL(" + literal + ", " + String.join(", ", arguments) + ")";
    }
}
