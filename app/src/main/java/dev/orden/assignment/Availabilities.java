package dev.orden.assignment;

import dev.orden.plugin.assignment.Availability;
import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Members' availability ({@code member_availability}): a member without a row is active, and an absence with an
 * end is over once that moment has passed. Queries never flush the order being changed in the same transaction.
 */
@ApplicationScoped
class Availabilities {

    /** One member's availability: {@code until} is when an absence ends (null: until they are set active). */
    record Status(Availability availability, Instant until, Instant updatedAt, String updatedBy) {

        static final Status ACTIVE = new Status(Availability.ACTIVE, null, null, null);
    }

    @Inject
    TenantEntityManager tenantEm;

    /** Everyone away right now, by member id. */
    @Transactional
    Map<UUID, Status> away() {
        var rows = rows("WHERE status = 'AWAY' AND (away_until IS NULL OR away_until > now())", null);
        var away = new HashMap<UUID, Status>();
        rows.forEach(r -> away.put(UUID.fromString(r[0].toString()), status(r)));
        return away;
    }

    @Transactional
    Status of(UUID member) {
        return rows("WHERE member_id = CAST(?1 AS uuid)", member).stream().findFirst().map(Availabilities::status)
                .filter(s -> s.availability() == Availability.ACTIVE || s.until() == null
                        || s.until().isAfter(Instant.now()))
                .orElse(Status.ACTIVE);
    }

    @Transactional
    void set(UUID member, Availability availability, Instant until, String by) {
        tenantEm.em().createNativeQuery("""
                        INSERT INTO member_availability (tenant_id, member_id, status, away_until, updated_at, updated_by)
                        VALUES (current_setting('app.tenant_id')::uuid, CAST(?1 AS uuid), ?2, CAST(?3 AS timestamptz), now(), ?4)
                        ON CONFLICT (tenant_id, member_id) DO UPDATE SET status = excluded.status,
                            away_until = excluded.away_until, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .setParameter(1, member.toString()).setParameter(2, availability.name())
                .setParameter(3, until == null ? null : until.toString())
                .setParameter(4, by)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String where, UUID member) {
        var query = tenantEm.em().createNativeQuery("SELECT member_id, status, away_until, updated_at, updated_by"
                + " FROM member_availability " + where).setFlushMode(FlushModeType.COMMIT);
        if (member != null) query.setParameter(1, member.toString());
        return query.getResultList();
    }

    private static Status status(Object[] row) {
        return new Status(Availability.valueOf(row[1].toString()), instant(row[2]), instant(row[3]),
                Optional.ofNullable(row[4]).map(Object::toString).orElse(null));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case java.sql.Timestamp t -> t.toInstant();
            case OffsetDateTime t -> t.toInstant();
            case Instant i -> i;
            default -> Instant.parse(value.toString());
        };
    }
}
