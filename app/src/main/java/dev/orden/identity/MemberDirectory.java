package dev.orden.identity;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The tenant's people as Orden knows them; see {@link Member}. */
@ApplicationScoped
public class MemberDirectory {

    @Inject
    TenantEntityManager tenantEm;

    @Transactional
    public void record(UUID tenantId, CurrentUser user) {
        tenantEm.bind(tenantId).createNativeQuery("""
                        INSERT INTO member (tenant_id, id, email, display_name, roles, last_seen_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, now())
                        ON CONFLICT (tenant_id, id) DO UPDATE
                        SET email = excluded.email, display_name = excluded.display_name,
                            roles = excluded.roles, last_seen_at = excluded.last_seen_at""")
                .setParameter(1, tenantId.toString())
                .setParameter(2, user.id())
                .setParameter(3, user.contact())
                .setParameter(4, user.displayName())
                .setParameter(5, roleNames(user))
                .executeUpdate();
    }

    @Transactional
    public Optional<Member> find(UUID userId) {
        return Optional.ofNullable(tenantEm.em().find(Member.class, userId));
    }

    /** The member with this e-mail (case-insensitive), if Orden has seen them. */
    @Transactional
    public Optional<Member> findByEmail(String email) {
        return tenantEm.em().createQuery("SELECT m FROM Member m WHERE LOWER(m.email) = :email", Member.class)
                .setParameter("email", email.strip().toLowerCase(java.util.Locale.ROOT)).setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Transactional
    public List<Member> all() {
        return tenantEm.em()
                .createQuery("SELECT m FROM Member m ORDER BY m.displayName, m.email", Member.class)
                .getResultList();
    }

    static String roleNames(CurrentUser user) {
        return user.roles().stream().map(Role::roleName).sorted().collect(Collectors.joining(","));
    }
}
