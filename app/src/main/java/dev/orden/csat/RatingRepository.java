package dev.orden.csat;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** satisfaction_rating rows of the current tenant (row-level security as everywhere). */
@ApplicationScoped
class RatingRepository {

    @Inject
    TenantEntityManager tenantEm;

    Optional<Rating> find(UUID orderId) {
        var rows = tenantEm.em().createNativeQuery("""
                        SELECT score, comment, rated_by, rated_by_name, via, rated_at FROM satisfaction_rating
                        WHERE work_order_id = ?1::uuid""")
                .setParameter(1, orderId.toString()).getResultList();
        return rows.stream().findFirst().map(row -> {
            var r = (Object[]) row;
            return new Rating(orderId, ((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], instant(r[5]));
        });
    }

    /** Inserts the rating unless the order has one; false when it had (a second rating, or a race lost). */
    boolean insert(Rating rating) {
        return tenantEm.em().createNativeQuery("""
                        INSERT INTO satisfaction_rating
                            (tenant_id, work_order_id, score, comment, rated_by, rated_by_name, via, rated_at)
                        VALUES (current_setting('app.tenant_id')::uuid, ?1::uuid, ?2, CAST(?3 AS text), ?4,
                                CAST(?5 AS text), ?6, ?7)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, rating.orderId().toString()).setParameter(2, rating.score())
                .setParameter(3, rating.comment())
                .setParameter(4, rating.ratedBy()).setParameter(5, rating.ratedByName())
                .setParameter(6, rating.via()).setParameter(7, Timestamp.from(rating.ratedAt()))
                .executeUpdate() == 1;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) return timestamp.toInstant();
        if (value instanceof java.time.OffsetDateTime time) return time.toInstant();
        return (Instant) value;
    }
}
