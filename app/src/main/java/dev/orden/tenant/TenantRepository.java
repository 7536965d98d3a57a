package dev.orden.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The tenant list itself is not tenant-owned: it is how a token's organization becomes a tenant. */
@ApplicationScoped
public class TenantRepository {

    @PersistenceContext(unitName = "orden")
    EntityManager em;

    public Optional<Tenant> findBySlug(String slug) {
        return em.createQuery("SELECT t FROM Tenant t WHERE t.slug = :slug", Tenant.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    public List<Tenant> all() {
        return em.createQuery("SELECT t FROM Tenant t ORDER BY t.createdAt, t.id", Tenant.class).getResultList();
    }

    public void add(Tenant tenant) {
        em.persist(tenant);
        em.flush();
    }
}
