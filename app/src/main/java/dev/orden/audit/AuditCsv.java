package dev.orden.audit;

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
        record(out, HEADER);
        var page = query.withLimit(PAGE);
        while (true) {
            var result = log.page(tenantId, page);
            var items = result.items();
            for (var e : items) {
                record(out, List.of(e.id(), e.at(), e.actorId(), nullToEmpty(e.actorName()), e.action(),
                        e.targetType(), nullToEmpty(e.targetId()), nullToEmpty(e.targetName()),
                        nullToEmpty(e.summary()), e.diff()));
            }
            if (result.nextCursor() == null) return;
            page = page.after(items.getLast().id());
        }
    }

    static void record(Writer out, List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.write(',');
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String field(Object value) {
        var text = value.toString();
        if (text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }
}
