package dev.orden.attachment;

import dev.orden.plugin.storage.AttachmentStore;
import dev.orden.plugin.storage.AttachmentStoreFactory;
import dev.orden.plugin.storage.ContentScanner.ScannedFile;
import dev.orden.plugin.storage.ScanVerdict;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import dev.orden.workorder.OrderAttachments;
import dev.orden.workorder.OrderAttachments.OrderRef;
import dev.orden.workorder.Visibility;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Files on orders and comments, for the caller's tenant and within what they may see of the order. An upload is
 * one transaction: its bytes are streamed into the store, sniffed, counted against the limits and the quota, and
 * scanned before anything commits; any refusal rolls all of it back.
 */
@ApplicationScoped
@Transactional
public class AttachmentService {

    private static final Logger LOG = Logger.getLogger(AttachmentService.class.getName());

    /** What the request carries: the body is read once, as a stream. */
    record Upload(String reference, UUID commentId, boolean internal, String fileName, String declaredType,
                  long declaredLength, InputStream content) {}

    /** A file to stream back: its metadata and the store that has it. */
    record Download(Attachment attachment, AttachmentStoreFactory store, UUID tenantId) {}

    /** A scanner refused the file; thrown after everything is rolled back, so that the refusal can be recorded. */
    static final class Refused extends RuntimeException {
        final transient OrderRef order;
        final String fileName;
        final String why;

        Refused(OrderRef order, String fileName, String why) {
            super(why, null, false, false);
            this.order = order;
            this.fileName = fileName;
            this.why = why;
        }
    }

    @Inject
    OrderAttachments orders;

    @Inject
    AttachmentSettings settings;

    @Inject
    Stores stores;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    TenantContext context;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private EntityManager em() {
        return tenantEm.em();
    }

    Attachment upload(Upload upload) {
        var order = orders.visible(upload.reference());
        var visibility = visibilityFor(order, upload);
        var stored = store(upload, order);
        var user = context.user();
        var attachment = new Attachment(UUID.randomUUID(), order.id(), upload.commentId(), stored.file(), visibility,
                stored.store(), user.id(), user.displayName());
        em().persist(attachment);
        orders.added(order, upload.fileName(), Sizes.history(stored.file().size()), visibility);
        em().flush();
        return attachment;
    }

    /** A file checked and written as an attachment is, for an order that does not exist yet (no history). */
    Stored stage(Upload upload) {
        return store(upload, null);
    }

    /** A file's bytes in a store, and which store. */
    record Stored(Attachment.StoredFile file, String store) {}

    /** Streams the file into the store, checking size, type, quota and scanners on the way. */
    private Stored store(Upload upload, OrderRef order) {
        var limits = settings.limits();
        if (upload.declaredLength() > limits.maxFileSize()) throw tooLarge(limits);
        if (upload.declaredLength() > 0) requireQuota(limits, used() + upload.declaredLength());
        var body = new BufferedInputStream(upload.content(), TypeSniffer.HEAD_BYTES);
        var type = checkType(head(body), upload, limits);
        var counted = new UploadStream(body, limits.maxFileSize());
        var guard = type.equals(TypeSniffer.SVG) ? new ScriptGuard(counted) : null;
        var tenantId = context.tenantId();
        var factory = stores.factory(settings.store());
        var key = UUID.randomUUID().toString();
        try (var store = stores.open(factory, tenantId)) {
            if (!factory.transactional()) deleteUnlessCommitted(factory, tenantId, key);
            long size = write(store, key, type, guard != null ? guard : counted, limits);
            if (guard != null && guard.found() != null) {
                throw unsupported("an SVG image with active content (" + guard.found() + ") is not accepted");
            }
            lockQuota(tenantId);
            requireQuota(limits, used() + size);
            scan(store, key, new ScannedFile(upload.fileName(), type, size), order, tenantId);
            return new Stored(new Attachment.StoredFile(key, upload.fileName(), type, size, counted.sha256()),
                    factory.getId());
        }
    }

    /** In a transaction of its own, after the refused upload was rolled back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusal(Refused refused) {
        if (refused.order != null) orders.rejected(refused.order, refused.fileName, refused.why);
    }

    List<Attachment> list(String reference, UUID commentId) {
        var order = orders.visible(reference);
        var jpql = "SELECT a FROM Attachment a WHERE a.workOrderId = :order"
                + (orders.seesInternal() ? "" : " AND a.visibility = :public")
                + (commentId == null ? "" : " AND a.commentId = :comment")
                + " ORDER BY a.createdAt, a.fileName";
        var query = em().createQuery(jpql, Attachment.class).setParameter("order", order.id());
        if (!orders.seesInternal()) query.setParameter("public", Visibility.PUBLIC);
        if (commentId != null) query.setParameter("comment", commentId);
        return query.getResultList();
    }

    Download download(String reference, UUID id) {
        var attachment = find(orders.visible(reference), id);
        return new Download(attachment, stores.factory(attachment.store()), context.tenantId());
    }

    void delete(String reference, UUID id) {
        var order = orders.visible(reference);
        var attachment = find(order, id);
        var user = context.user();
        if (!user.id().equals(attachment.uploadedBy()) && !orders.seesInternal()) {
            throw ProblemException.forbidden("Only who uploaded a file, or staff, may remove it");
        }
        em().remove(attachment);
        orders.removed(order, attachment.fileName(), Sizes.history(attachment.size()), attachment.visibility());
        orders.removeFromFields(order, id);
        discard(attachment.store(), attachment.storageKey());
        em().flush();
    }

    /** Removes a file's bytes with the transaction: at once in a transactional store, else once it committed. */
    void discard(String storeId, String key) {
        var factory = stores.factory(storeId);
        var tenantId = context.tenantId();
        if (factory.transactional()) {
            deleteObject(factory, tenantId, key);
        } else {
            afterCompletion(status -> {
                if (status == Status.STATUS_COMMITTED) deleteObject(factory, tenantId, key);
            });
        }
    }

    /** How many attachments each order has that the caller sees. */
    public Map<UUID, Long> counts(List<UUID> orderIds) {
        var counts = new HashMap<UUID, Long>();
        if (orderIds.isEmpty()) return counts;
        var jpql = "SELECT a.workOrderId, COUNT(a) FROM Attachment a WHERE a.workOrderId IN :orders"
                + (orders.seesInternal() ? "" : " AND a.visibility = :public") + " GROUP BY a.workOrderId";
        var query = em().createQuery(jpql, Object[].class).setParameter("orders", orderIds);
        if (!orders.seesInternal()) query.setParameter("public", Visibility.PUBLIC);
        query.getResultList().forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** The tenant's limits and, for staff, what it uses of its quota. */
    Map<String, Object> limits() {
        var limits = settings.limits();
        var view = new java.util.LinkedHashMap<String, Object>();
        view.put("maxFileSize", limits.maxFileSize());
        view.put("allowedTypes", limits.allowedTypes());
        if (orders.seesInternal()) {
            view.put("quota", limits.quota());
            view.put("used", used());
        }
        return view;
    }

    private Visibility visibilityFor(OrderRef order, Upload upload) {
        if (upload.commentId() != null) return orders.commentVisibility(order, upload.commentId());
        if (upload.internal() && !orders.seesInternal()) {
            throw ProblemException.forbidden("Only staff add internal attachments");
        }
        return upload.internal() ? Visibility.INTERNAL : Visibility.PUBLIC;
    }

    private Attachment find(OrderRef order, UUID id) {
        var attachment = em().find(Attachment.class, id);
        if (attachment == null || !attachment.workOrderId().equals(order.id())
                || attachment.visibility() == Visibility.INTERNAL && !orders.seesInternal()) {
            throw ProblemException.notFound("Attachment " + id + " of " + order.number());
        }
        return attachment;
    }

    private static byte[] head(BufferedInputStream body) {
        try {
            body.mark(TypeSniffer.HEAD_BYTES);
            var head = body.readNBytes(TypeSniffer.HEAD_BYTES);
            body.reset();
            return head;
        } catch (IOException e) {
            throw interrupted(e);
        }
    }

    private static String checkType(byte[] head, Upload upload, AttachmentLimits limits) {
        var sniffed = TypeSniffer.sniff(head, head.length);
        if (sniffed.equals(TypeSniffer.UNKNOWN)) throw unsupported("the content's type is not one Orden recognises");
        var type = TypeSniffer.resolve(sniffed, upload.declaredType(), upload.fileName());
        if (type == null) {
            throw unsupported("declared as " + TypeSniffer.normalise(upload.declaredType()) + " but the content is "
                    + sniffed);
        }
        if (!limits.allows(type)) throw unsupported(type + " is not accepted; accepted: " + limits.allowedTypes());
        return type;
    }

    private static long write(AttachmentStore store, String key, String type, InputStream content,
                              AttachmentLimits limits) {
        try {
            return store.write(key, type, content);
        } catch (UploadStream.TooLarge e) {
            throw tooLarge(limits);
        } catch (IOException e) {
            throw interrupted(e);
        }
    }

    private void scan(AttachmentStore store, String key, ScannedFile file, OrderRef order, UUID tenantId) {
        for (var factory : stores.scanners()) {
            ScanVerdict verdict;
            try (var scanner = stores.scanner(factory, tenantId); var content = store.read(key, 0)) {
                verdict = scanner.scan(file, content);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Scanner " + factory.getId() + " failed on " + file.name(), e);
                verdict = ScanVerdict.error(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (!verdict.isClean()) {
                var why = verdict.outcome() == ScanVerdict.Outcome.INFECTED
                        ? "infected: " + verdict.detail() + " (scanner " + factory.getId() + ")"
                        : "could not be scanned: " + verdict.detail() + " (scanner " + factory.getId() + ")";
                throw new Refused(order, file.name(), why);
            }
        }
    }

    /** Bytes of the tenant's attachments and of its staged uploads, which take space as much. */
    private long used() {
        var sum = em().createNativeQuery("SELECT (SELECT COALESCE(SUM(size_bytes), 0) FROM attachment"
                        + " WHERE tenant_id = ?1) + (SELECT COALESCE(SUM(size_bytes), 0) FROM attachment_upload"
                        + " WHERE tenant_id = ?1)")
                .setParameter(1, context.tenantId()).getSingleResult();
        return ((Number) sum).longValue();
    }

    /** Uploads of one tenant check the quota one after the other, each seeing the sizes committed before it. */
    private void lockQuota(UUID tenantId) {
        em().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "attachment-quota:" + tenantId).getResultList();
    }

    private static void requireQuota(AttachmentLimits limits, long total) {
        if (total > limits.quota()) {
            throw new ProblemException(Problem.of(ProblemType.QUOTA_EXCEEDED,
                    "The file would bring the tenant's attachments to " + total + " bytes, over its quota of "
                            + limits.quota() + " bytes; nothing was stored",
                    List.of(new FieldError("file", "over the tenant's quota of " + limits.quota() + " bytes"))));
        }
    }

    private void deleteUnlessCommitted(AttachmentStoreFactory factory, UUID tenantId, String key) {
        afterCompletion(status -> {
            if (status != Status.STATUS_COMMITTED) deleteObject(factory, tenantId, key);
        });
    }

    private void afterCompletion(java.util.function.IntConsumer action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                action.accept(status);
            }
        });
    }

    private void deleteObject(AttachmentStoreFactory factory, UUID tenantId, String key) {
        try (var store = stores.open(factory, tenantId)) {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete object " + key + " from store " + factory.getId(), e);
        }
    }

    static ProblemException tooLarge(AttachmentLimits limits) {
        return new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "A file may be at most " + limits.maxFileSize() + " bytes; nothing was stored",
                List.of(new FieldError("file", "larger than " + limits.maxFileSize() + " bytes"))));
    }

    private static ProblemException unsupported(String why) {
        return new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The file is refused: " + why,
                List.of(new FieldError("file", why))));
    }

    private static ProblemException interrupted(IOException e) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, "The upload could not be read: " + e.getMessage());
    }
}
