package dev.orden.audit;

import dev.orden.shared.csv.Csv;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.UUID;

/**
 * The audit log as RFC 4180 CSV (comma-separated, CRLF after each record, fields quoted when they hold a comma,
 * quote or line break), read a page at a time in short transactions so that no export holds the whole log.
 */
@ApplicationScoped
class AuditCsv {

    static final int PAGE = 500;
    static final List<String> HEADER = List.of("id", "at", "actor_id", "actor_name", "action", "target_type",
            "target_id", "target_name", "summary", "diff");

    @Inject
    AuditLog log;

    void write(UUID tenantId, AuditQuery query, Writer out) throws IOException {
        Csv.record(out, HEADER);
        var page = query.withLimit(PAGE);
        while (true) {
            var result = log.page(tenantId, page);
            var items = result.items();
            for (var e : items) {
                Csv.record(out, List.of(e.id(), e.at(), e.actorId(), nullToEmpty(e.actorName()), e.action(),
                        e.targetType(), nullToEmpty(e.targetId()), nullToEmpty(e.targetName()),
                        nullToEmpty(e.summary()), e.diff()));
            }
            if (result.nextCursor() == null) return;
            page = page.after(items.getLast().id());
        }
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }
}
