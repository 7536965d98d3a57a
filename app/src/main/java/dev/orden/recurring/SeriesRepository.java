package dev.orden.recurring;

import dev.orden.shared.persistence.PgArrays;
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
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The tenant's series and the occurrences they made orders for (SQL; row-level security keeps to the tenant). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class SeriesRepository {

    private static final String COLUMNS = """
            id::text, name, template::text, schedule::text, zone, lead_days, ends_on::text, max_occurrences, status,
            next_occurrence, generated, revision, created_at, created_by, updated_at""";

    /** An order a series made, for its list. */
    record MadeOrder(Instant occurrence, UUID orderId, String number, String title, String status,
                     String statusCategory, Instant createdAt, Instant completedAt) {}

    /** The series and occurrence an order was made for. */
    record Link(UUID seriesId, String name, Instant occurrence) {}

    @Inject
    TenantEntityManager tenantEm;

    void add(Series s) {
        tenantEm.em().createNativeQuery("""
                INSERT INTO recurring_series (tenant_id, id, name, template, schedule, zone, lead_days, ends_on,
                    max_occurrences, status, next_occurrence, generated, revision, created_at, created_by, updated_at)
                VALUES (current_setting('app.tenant_id')::uuid, ?1::uuid, ?2, ?3::jsonb, ?4::jsonb, ?5, ?6,
                    ?7::date, ?8::integer, ?9, ?10::timestamptz, 0, 0, ?11::timestamptz, ?12, ?11::timestamptz)""")
                .setParameter(1, s.id().toString()).setParameter(2, s.definition().name())
                .setParameter(3, s.definition().template().toString())
                .setParameter(4, s.definition().schedule().json().toString())
                .setParameter(5, s.definition().zone().getId()).setParameter(6, s.definition().leadDays())
                .setParameter(7, text(s.definition().endsOn())).setParameter(8, s.definition().maxOccurrences())
                .setParameter(9, s.status().name()).setParameter(10, timestamp(s.nextOccurrence()))
                .setParameter(11, timestamp(s.createdAt())).setParameter(12, s.createdBy()).executeUpdate();
    }

    /** Stores the series' definition, status, next occurrence, count and revision as they are now. */
    void save(Series s) {
        tenantEm.em().createNativeQuery("""
                UPDATE recurring_series SET name = ?2, template = ?3::jsonb, schedule = ?4::jsonb, zone = ?5,
                    lead_days = ?6, ends_on = ?7::date, max_occurrences = ?8::integer, status = ?9, next_occurrence = ?10::timestamptz,
                    generated = ?11, revision = ?12, updated_at = now()
                 WHERE id = ?1::uuid""")
                .setParameter(1, s.id().toString()).setParameter(2, s.definition().name())
                .setParameter(3, s.definition().template().toString())
                .setParameter(4, s.definition().schedule().json().toString())
                .setParameter(5, s.definition().zone().getId()).setParameter(6, s.definition().leadDays())
                .setParameter(7, text(s.definition().endsOn())).setParameter(8, s.definition().maxOccurrences())
                .setParameter(9, s.status().name()).setParameter(10, timestamp(s.nextOccurrence()))
                .setParameter(11, s.generated()).setParameter(12, s.revision()).executeUpdate();
    }

    Optional<Series> find(UUID id) {
        return one("SELECT " + COLUMNS + " FROM recurring_series WHERE id = ?1::uuid", id);
    }

    /** The series, locked until the transaction ends: generation and changes to it take turns. */
    Optional<Series> lock(UUID id) {
        return one("SELECT " + COLUMNS + " FROM recurring_series WHERE id = ?1::uuid FOR UPDATE", id);
    }

    List<Series> list() {
        List<?> rows = tenantEm.em().createNativeQuery("SELECT " + COLUMNS
                + " FROM recurring_series ORDER BY lower(name), created_at, id").getResultList();
        return rows.stream().map(row -> series((Object[]) row)).toList();
    }

    /** The ids of the series that have a next occurrence to make: those that should have a job. */
    List<String> scheduled() {
        List<?> rows = tenantEm.em().createNativeQuery("SELECT id::text FROM recurring_series"
                + " WHERE status = 'ACTIVE' AND next_occurrence IS NOT NULL").getResultList();
        return rows.stream().map(String.class::cast).toList();
    }

    /** Takes the occurrence for this run: false when a run before (or beside) this one took it. */
    boolean claim(UUID seriesId, Instant occurrence) {
        return tenantEm.em().createNativeQuery("""
                INSERT INTO recurring_occurrence (tenant_id, series_id, occurrence, created_at)
                VALUES (current_setting('app.tenant_id')::uuid, ?1::uuid, ?2::timestamptz, now())
                ON CONFLICT DO NOTHING""")
                .setParameter(1, seriesId.toString()).setParameter(2, timestamp(occurrence)).executeUpdate() == 1;
    }

    void link(UUID seriesId, Instant occurrence, UUID orderId) {
        tenantEm.em().createNativeQuery("UPDATE recurring_occurrence SET work_order_id = ?3::uuid"
                        + " WHERE series_id = ?1::uuid AND occurrence = ?2::timestamptz")
                .setParameter(1, seriesId.toString()).setParameter(2, timestamp(occurrence))
                .setParameter(3, orderId.toString()).executeUpdate();
    }

    Optional<Link> linkOf(UUID orderId) {
        return Optional.ofNullable(linksOf(List.of(orderId)).get(orderId));
    }

    /** The links of those of the orders a series made, by order id, in one query (a list page's). */
    Map<UUID, Link> linksOf(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) return Map.of();
        List<?> rows = tenantEm.em().createNativeQuery("""
                SELECT o.work_order_id::text, s.id::text, s.name, o.occurrence FROM recurring_occurrence o
                  JOIN recurring_series s ON s.tenant_id = o.tenant_id AND s.id = o.series_id
                 WHERE o.work_order_id = ANY (CAST(?1 AS uuid[]))""")
                .setParameter(1, PgArrays.uuids(orderIds))
                .getResultList();
        return PgArrays.byFirstColumn(rows,
                r -> new Link(UUID.fromString((String) r[1]), (String) r[2], instant(r[3])));
    }

    /** The orders the series made, the latest occurrence first. */
    List<MadeOrder> orders(UUID seriesId) {
        List<?> rows = tenantEm.em().createNativeQuery("""
                SELECT o.occurrence, w.id::text, w.number_prefix || '-' || w.number, w.title, w.status,
                       w.status_category, w.created_at, w.completed_at
                  FROM recurring_occurrence o
                  JOIN work_order w ON w.tenant_id = o.tenant_id AND w.id = o.work_order_id
                 WHERE o.series_id = ?1::uuid ORDER BY o.occurrence DESC""")
                .setParameter(1, seriesId.toString()).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(r -> new MadeOrder(instant(r[0]),
                UUID.fromString((String) r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                instant(r[6]), instant(r[7]))).toList();
    }

    /** The latest occurrence the series made an order for, if any. */
    Optional<MadeOrder> latest(UUID seriesId) {
        return orders(seriesId).stream().findFirst();
    }

    private Optional<Series> one(String sql, UUID id) {
        List<?> rows = tenantEm.em().createNativeQuery(sql).setParameter(1, id.toString()).getResultList();
        return rows.stream().findFirst().map(row -> series((Object[]) row));
    }

    private static Series series(Object[] r) {
        var body = Json.createObjectBuilder().add("name", (String) r[1]).add("template", object((String) r[2]))
                .add("schedule", object((String) r[3])).add("zone", (String) r[4]).add("leadDays", number(r[5]));
        if (r[6] != null) body.add("endsOn", (String) r[6]);
        if (r[7] != null) body.add("maxOccurrences", number(r[7]));
        var definition = SeriesInput.read(body.build(), ZoneOffset.UTC, Instant.now());
        return new Series(UUID.fromString((String) r[0]), definition, Series.Status.valueOf((String) r[8]),
                instant(r[9]), number(r[10]), number(r[11]), instant(r[12]), (String) r[13], instant(r[14]));
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime t -> t.toInstant();
            case Instant t -> t;
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
