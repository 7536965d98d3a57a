package dev.orden.workorder;

import dev.orden.shared.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;

/**
 * Where a page ended, for keyset pagination: the sort, the last row's sort timestamp (if any) and its number.
 * Opaque to clients; a cursor made for another sort is refused.
 */
record Cursor(WorkOrderSort sort, Instant at, long number) {

    static Cursor after(WorkOrder last, WorkOrderSort sort) {
        Instant at = switch (sort) {
            case CREATED, CREATED_DESC -> last.createdAt();
            case UPDATED, UPDATED_DESC -> last.updatedAt();
            case NUMBER, NUMBER_DESC -> null;
        };
        return new Cursor(sort, at, last.number());
    }

    String encode() {
        var micros = at == null ? "" : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at));
        var text = sort.parameter() + "|" + micros + "|" + number;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String value, WorkOrderSort expectedSort) {
        try {
            var parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3) throw new IllegalArgumentException("shape");
            // Not WorkOrderSort.parse: that defaults a blank sort and reports on "sort", not on the cursor.
            var sort = Arrays.stream(WorkOrderSort.values()).filter(s -> s.parameter().equals(parts[0])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("sort"));
            if (sort != expectedSort) {
                throw ProblemException.invalid("cursor", "was made for sort " + sort.parameter()
                        + "; keep the same sort while paging");
            }
            // A time sort needs the timestamp for its keyset condition; a number sort never carries one.
            if (parts[1].isEmpty() != (sort.timeField() == null)) throw new IllegalArgumentException("timestamp");
            var at = parts[1].isEmpty() ? null : Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new Cursor(sort, at, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
        }
    }
}
