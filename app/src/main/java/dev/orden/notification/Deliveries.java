package dev.orden.notification;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox and delivery log ({@code notification_delivery}, V13) of the caller's tenant. */
@ApplicationScoped
public class Deliveries {

    public enum Status { PENDING, SENT, FAILED }

    /** One delivery as stored: what to send to whom by which channel, and how its attempts went. */
    public record Delivery(UUID id, String event, String template, String channel, String recipientId,
                           UUID workOrderId, String orderNumber, JsonObject model, Status status, int attempts,
                           String lastError, String language, String address, String subject, Instant createdAt,
                           Instant updatedAt, Instant sentAt) {}

    /** What is to be sent; the row starts {@code PENDING} (or as delivered already, for an in-transaction channel). */
    public record Outgoing(UUID id, String event, String template, String channel, String recipientId,
                           UUID workOrderId, String orderNumber, JsonObject model) {}

    private static final String COLUMNS = "id, event, template, channel, recipient_id, work_order_id, order_number,"
            + " model::text, status, attempts, last_error, language, address, subject, created_at, updated_at, sent_at";

    @Inject
    TenantEntityManager tenantEm;

    @Transactional(Transactional.TxType.MANDATORY)
    void add(Outgoing outgoing) {
        tenantEm.em().createNativeQuery("""
                INSERT INTO notification_delivery (tenant_id, id, event, template, channel, recipient_id,
                    work_order_id, order_number, model)
                VALUES (current_setting('app.tenant_id')::uuid, ?1::uuid, ?2, ?3, ?4, ?5, ?6::uuid, ?7, ?8::jsonb)""")
                .setParameter(1, outgoing.id().toString()).setParameter(2, outgoing.event())
                .setParameter(3, outgoing.template()).setParameter(4, outgoing.channel())
                .setParameter(5, outgoing.recipientId())
                .setParameter(6, outgoing.workOrderId() == null ? null : outgoing.workOrderId().toString())
                .setParameter(7, outgoing.orderNumber()).setParameter(8, outgoing.model().toString())
                .executeUpdate();
    }

    @Transactional
    Optional<Delivery> find(UUID id) {
        return rows("SELECT " + COLUMNS + " FROM notification_delivery WHERE id = ?1::uuid", List.of(id.toString()),
                0, 1).stream().findFirst();
    }

    /** The outcome of attempt {@code attempts}: sent, failed for good, or pending another attempt. */
    @Transactional(Transactional.TxType.MANDATORY)
    void settle(UUID id, Status status, int attempts, String error, String language, String address, String subject) {
        tenantEm.em().createNativeQuery("""
                UPDATE notification_delivery SET status = ?1, attempts = ?2, last_error = ?3, language = ?4,
                       address = ?5, subject = ?6, updated_at = now(),
                       sent_at = CASE WHEN ?8::boolean THEN now() END
                 WHERE id = ?7::uuid""")
                .setParameter(1, status.name()).setParameter(2, attempts).setParameter(3, error)
                .setParameter(4, language).setParameter(5, address).setParameter(6, subject)
                .setParameter(7, id.toString()).setParameter(8, String.valueOf(status == Status.SENT)).executeUpdate();
    }

    /** Newest first; an order's, a status's or all of them; {@code limit + 1} rows so the caller knows if more follow. */
    @Transactional
    public List<Delivery> log(UUID workOrderId, Status status, int offset, int limit) {
        var where = new StringBuilder(" WHERE true");
        var parameters = new java.util.ArrayList<Object>();
        if (workOrderId != null) {
            parameters.add(workOrderId.toString());
            where.append(" AND work_order_id = ?").append(parameters.size()).append("::uuid");
        }
        if (status != null) {
            parameters.add(status.name());
            where.append(" AND status = ?").append(parameters.size());
        }
        return rows("SELECT " + COLUMNS + " FROM notification_delivery" + where + " ORDER BY created_at DESC, id",
                parameters, offset, limit + 1);
    }

    private List<Delivery> rows(String sql, List<?> parameters, int offset, int limit) {
        var query = tenantEm.em().createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) query.setParameter(i + 1, parameters.get(i));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(Deliveries::delivery).toList();
    }

    private static Delivery delivery(Object[] row) {
        return new Delivery(uuid(row[0]), (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                uuid(row[5]), (String) row[6], json((String) row[7]), Status.valueOf((String) row[8]),
                ((Number) row[9]).intValue(), (String) row[10], (String) row[11], (String) row[12], (String) row[13],
                instant(row[14]), instant(row[15]), instant(row[16]));
    }

    private static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            case Instant i -> i;
            default -> Instant.parse(value.toString());
        };
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
