package dev.orden.notification;

import dev.orden.shared.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque {@code cursor} of the inbox's and the delivery log's pages: today, the position in their order. */
final class OffsetCursor {

    private OffsetCursor() {}

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor stands for (0 without one); a 422 on {@code cursor} for anything this API never gave. */
    static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) return 0;
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("o")) throw new IllegalArgumentException();
            var offset = Integer.parseInt(text.substring(1));
            if (offset < 0) throw new IllegalArgumentException();
            return offset;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
