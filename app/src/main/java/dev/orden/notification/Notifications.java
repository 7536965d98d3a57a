package dev.orden.notification;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The in-app inboxes of the caller's tenant. */
@ApplicationScoped
public class Notifications {

    @Inject
    TenantEntityManager tenantEm;

    /** Written with the change that caused it (same transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Notification notification) {
        tenantEm.em().persist(notification);
    }

    /** Unread first, then newest first; {@code limit + 1} rows so the caller knows whether more follow. */
    @Transactional
    public List<Notification> inbox(String recipientId, int offset, int limit) {
        return tenantEm.em().createQuery("SELECT n FROM Notification n WHERE n.recipientId = :me"
                        + " ORDER BY CASE WHEN n.readAt IS NULL THEN 0 ELSE 1 END, n.createdAt DESC, n.id",
                        Notification.class)
                .setParameter("me", recipientId).setFirstResult(offset).setMaxResults(limit + 1).getResultList();
    }

    @Transactional
    public long unread(String recipientId) {
        return tenantEm.em().createQuery("SELECT COUNT(n) FROM Notification n WHERE n.recipientId = :me"
                + " AND n.readAt IS NULL", Long.class).setParameter("me", recipientId).getSingleResult();
    }

    /** Empty when there is no such notification of the recipient's (another user's is not revealed). */
    @Transactional
    public Optional<Notification> markRead(String recipientId, UUID id) {
        var found = tenantEm.em().createQuery("SELECT n FROM Notification n WHERE n.id = :id"
                        + " AND n.recipientId = :me", Notification.class)
                .setParameter("id", id).setParameter("me", recipientId).getResultList();
        found.forEach(Notification::markRead);
        return found.stream().findFirst();
    }

    @Transactional
    public int markAllRead(String recipientId) {
        // Row-level security keeps this to the tenant bound to the transaction.
        return tenantEm.em().createNativeQuery("UPDATE notification SET read_at = now() WHERE recipient_id = ?1"
                + " AND read_at IS NULL").setParameter(1, recipientId).executeUpdate();
    }
}
