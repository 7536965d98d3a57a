package dev.orden.attachment;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The rows of the built-in store: one {@code attachment_chunk} per chunk of a file, always for the tenant the
 * transaction is bound to (row-level security) and named by it in every statement as well.
 */
@ApplicationScoped
public class PostgresChunks {

    @Inject
    TenantEntityManager tenantEm;

    /** Inside the upload's transaction: rolled back with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(UUID tenantId, String key, int seq, byte[] data) {
        tenantEm.bind(tenantId).createNativeQuery(
                        "INSERT INTO attachment_chunk (tenant_id, storage_key, seq, data) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, seq).setParameter(4, data)
                .executeUpdate();
    }

    /** One chunk, or null past the last; in the caller's transaction or (a download streaming) one of its own. */
    @Transactional
    public byte[] chunk(UUID tenantId, String key, int seq) {
        var rows = tenantEm.bind(tenantId).createNativeQuery(
                        "SELECT data FROM attachment_chunk WHERE tenant_id = ?1 AND storage_key = ?2 AND seq = ?3")
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, seq).getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.getFirst();
    }

    @Transactional
    public void delete(UUID tenantId, String key) {
        tenantEm.bind(tenantId).createNativeQuery(
                        "DELETE FROM attachment_chunk WHERE tenant_id = ?1 AND storage_key = ?2")
                .setParameter(1, tenantId).setParameter(2, key).executeUpdate();
    }
}
