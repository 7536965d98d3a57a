package dev.orden.audit;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit_entry table, in plain SQL: every statement names the tenant itself besides the row-level security
 * underneath. Entries are only ever inserted and read.
 */
@ApplicationScoped
class AuditLog {

    /** What one entry may keep of a diff; a larger one keeps only its paths (see {@link AuditDiffs#bounded}). */
    static final int MAX_DIFF_CHARS = 200_000;

    @Inject
    TenantEntityManager tenantEm;

    @Transactional(Transactional.TxType.MANDATORY)
    void append(UUID tenantId, AuditEvent event) {
        tenantEm.bind(tenantId).createNativeQuery("""
                        INSERT INTO audit_entry (tenant_id, actor_id, actor_name, action, target_type, target_id,
                                                 target_name, summary, diff)
                        VALUES (CAST(?1 AS uuid), ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS jsonb))""")
                .setParameter(1, tenantId.toString())
                .setParameter(2, clip(event.actor().id(), 100))
                .setParameter(3, clip(event.actor().name(), 300))
                .setParameter(4, event.action())
                .setParameter(5, clip(event.targetType(), 64))
                .setParameter(6, clip(event.targetId(), 300))
                .setParameter(7, clip(event.targetName(), 300))
                .setParameter(8, clip(event.summary(), 2000))
                .setParameter(9, AuditDiffs.bounded(event.diff(), MAX_DIFF_CHARS).toString())
                .executeUpdate();
    }

    /** Newest first, one more than the limit read to know whether a next page exists. */
    @Transactional
    AuditPage page(UUID tenantId, AuditQuery query) {
        var rows = read(tenantId, query, query.limit() + 1);
        if (rows.size() <= query.limit()) return new AuditPage(rows, null);
        var items = rows.subList(0, query.limit());
        return new AuditPage(List.copyOf(items), AuditQuery.cursorOf(items.getLast().id()));
    }

    @SuppressWarnings("unchecked")
    private List<AuditEntry> read(UUID tenantId, AuditQuery query, int limit) {
        var sql = new StringBuilder("""
                SELECT id, at, actor_id, actor_name, action, target_type, target_id, target_name, summary, diff::text
                FROM audit_entry WHERE tenant_id = CAST(?1 AS uuid)""");
        var parameters = new ArrayList<Object>();
        parameters.add(tenantId.toString());
        if (query.before() != null) condition(sql, parameters, " AND id < ?", query.before());
        if (query.from() != null) condition(sql, parameters, " AND at >= ?", Timestamp.from(query.from()));
        if (query.to() != null) condition(sql, parameters, " AND at < ?", Timestamp.from(query.to()));
        if (query.actor() != null) condition(sql, parameters, " AND actor_id = ?", query.actor());
        if (query.action() != null) {
            condition(sql, parameters, " AND (action = ?", query.action());
            condition(sql, parameters, " OR action LIKE ?)", query.action().replace("_", "\\_") + ".%");
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(limit);
        var native_ = tenantEm.bind(tenantId).createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) native_.setParameter(i + 1, parameters.get(i));
        return ((List<Object[]>) native_.getResultList()).stream().map(AuditLog::entry).toList();
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        parameters.add(value);
        sql.append(clause.replace("?", "?" + parameters.size()));
    }

    private static AuditEntry entry(Object[] row) {
        return new AuditEntry(((Number) row[0]).longValue(), instant(row[1]), (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8],
                json((String) row[9]));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case Instant i -> i;
            default -> Instant.parse(value.toString());
        };
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
