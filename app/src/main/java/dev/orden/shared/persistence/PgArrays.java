package dev.orden.shared.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One native query for a page of ids ({@code = ANY (CAST(?1 AS uuid[]))}): the array literal, and the rows back by id.
 */
public final class PgArrays {

    private PgArrays() {}

    /** {@code {id,id,…}}: UUIDs need no quoting in an array literal. */
    public static String uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** Rows whose first column is a UUID as text, by that id; {@code value} reads the rest of the row. */
    public static <T> Map<UUID, T> byFirstColumn(List<?> rows, Function<Object[], T> value) {
        var byId = new HashMap<UUID, T>();
        for (var row : rows) {
            var columns = (Object[]) row;
            byId.put(UUID.fromString((String) columns[0]), value.apply(columns));
        }
        return byId;
    }
}
