package dev.orden.config;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Configuration versions and the active pointer of one tenant: the caller's, or the one bound for seeding. */
@ApplicationScoped
public class ConfigRepository {

    @Inject
    TenantEntityManager tenantEm;

    private EntityManager em() {
        return tenantEm.em();
    }

    /**
     * Stores and activates the first version of a tenant that is not the caller's (sign-up, demo seeding: no
     * request may be active), after the tenant's own row, which it refers to.
     */
    void addActive(UUID tenantId, ConfigVersion version) {
        var em = tenantEm.bind(tenantId);
        em.flush();
        em.persist(version);
        em.flush();
        activate(em, version.version());
    }

    /** Whether the tenant has any configuration version, draft or published; for work outside a request. */
    boolean hasVersions(UUID tenantId) {
        return !tenantEm.bind(tenantId).createNativeQuery("SELECT 1 FROM config_version LIMIT 1").getResultList()
                .isEmpty();
    }

    /** Serializes configuration writes of the tenant until commit, so version numbers never race. */
    void lockTenant() {
        em().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('config:' || current_setting('app.tenant_id')))")
                .getSingleResult();
    }

    void add(ConfigVersion version) {
        em().persist(version);
        em().flush();
    }

    Optional<ConfigVersion> find(int version) {
        return Optional.ofNullable(em().find(ConfigVersion.class, version));
    }

    Optional<ConfigVersion> draft() {
        return em().createQuery("SELECT v FROM ConfigVersion v WHERE v.status = :draft", ConfigVersion.class)
                .setParameter("draft", ConfigVersion.Status.DRAFT)
                .getResultStream().findFirst();
    }

    /** The draft's number, read without managing the draft (so it can be renumbered in the same transaction). */
    Optional<Integer> draftNumber() {
        return em().createQuery("SELECT v.version FROM ConfigVersion v WHERE v.status = :draft", Integer.class)
                .setParameter("draft", ConfigVersion.Status.DRAFT)
                .getResultStream().findFirst();
    }

    List<ConfigVersion> all() {
        return em().createQuery("SELECT v FROM ConfigVersion v ORDER BY v.version DESC", ConfigVersion.class)
                .getResultList();
    }

    int highestVersion() {
        var max = em().createQuery("SELECT MAX(v.version) FROM ConfigVersion v", Integer.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** Moves the draft one number up, freeing its number for a version published before it. */
    void bumpDraft() {
        em().createNativeQuery("UPDATE config_version SET version = version + 1 WHERE status = 'DRAFT'"
                + " AND tenant_id = current_setting('app.tenant_id')::uuid").executeUpdate();
    }

    Optional<Integer> activeVersion() {
        var rows = em().createNativeQuery("SELECT version FROM tenant_config_active"
                + " WHERE tenant_id = current_setting('app.tenant_id')::uuid").getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).intValue());
    }

    void activate(int version) {
        activate(em(), version);
    }

    private static void activate(EntityManager em, int version) {
        em.createNativeQuery("""
                        INSERT INTO tenant_config_active (tenant_id, version)
                        VALUES (current_setting('app.tenant_id')::uuid, ?1)
                        ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version""")
                .setParameter(1, version).executeUpdate();
    }
}
