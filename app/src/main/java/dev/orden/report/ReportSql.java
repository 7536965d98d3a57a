package dev.orden.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One native query being written: its text and its positional parameters, numbered as they are added. */
final class ReportSql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    ReportSql append(String sql) {
        text.append(sql);
        return this;
    }

    /** A placeholder for {@code value}, which is bound as text; the SQL casts it where needed. */
    String p(Object value) {
        parameters.add(value.toString());
        return "?" + parameters.size();
    }

    /** A placeholder for {@code values} as a {@code text[]}, each element quoted for PostgreSQL's array syntax. */
    String array(List<String> values) {
        var literal = new StringBuilder("{");
        for (var value : values) {
            if (literal.length() > 1) literal.append(',');
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return p(literal.append('}')) + "::text[]";
    }

    String at(Instant instant) {
        return p(instant) + "::timestamptz";
    }

    /** {@code column} in [from, to), and the request's filters on {@code alias}'s order columns. */
    ReportSql inRange(String alias, String column, Instant from, Instant to, ReportRequest request) {
        append(" " + alias + "." + column + " >= " + at(from) + " AND " + alias + "." + column + " < " + at(to));
        return filtered(alias, request);
    }

    ReportSql filtered(String alias, ReportRequest request) {
        if (request.type() != null) append(" AND " + alias + ".type = " + p(request.type()));
        if (request.area() != null) append(" AND " + alias + ".area = " + p(request.area()));
        if (request.team() != null) append(" AND " + alias + ".team = " + p(request.team()));
        return this;
    }

    String text() {
        return text.toString();
    }

    List<Object> parameters() {
        return parameters;
    }
}
