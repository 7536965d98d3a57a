package dev.orden.workorder;

import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * What the attachments feature ({@code dev.orden.attachment}) sees of an order and records in its history: the
 * order as the caller may see it (404 otherwise, as everywhere), a comment of it, and the history entries of a file
 * added, removed or refused, which reach live streams and observers like every other change.
 */
@ApplicationScoped
@Transactional
public class OrderAttachments {

    /** The order's identity and who requested it; what access to its attachments depends on. */
    public record OrderRef(UUID id, String number, String requesterId) {}

    @Inject
    WorkOrderService orders;

    @Inject
    WorkOrderRepository repository;

    @Inject
    WorkOrderLifecycle lifecycle;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    TenantContext context;

    public OrderRef visible(String reference) {
        var order = orders.get(reference);
        return new OrderRef(order.id(), order.displayNumber(), order.requesterId());
    }

    /** The visibility of one of the order's comments the caller sees; 404 for any other. */
    public Visibility commentVisibility(OrderRef order, UUID commentId) {
        var comment = tenantEm.em().find(Comment.class, commentId);
        if (comment == null || !comment.workOrderId().equals(order.id())
                || comment.visibility() == Visibility.INTERNAL && !seesInternal()) {
            throw ProblemException.notFound("Comment " + commentId + " of " + order.number());
        }
        return comment.visibility();
    }

    public boolean seesInternal() {
        return WorkOrderPolicy.seesInternal(context.user());
    }

    public void added(OrderRef order, String name, String size, Visibility visibility) {
        record(order, EventKind.ATTACHMENT_ADDED, null, name, size, visibility);
    }

    public void removed(OrderRef order, String name, String size, Visibility visibility) {
        record(order, EventKind.ATTACHMENT_REMOVED, name, null, size, visibility);
    }

    /** An internal note that a file was refused by a scanner: its name and what was found. */
    public void rejected(OrderRef order, String name, String why) {
        record(order, EventKind.ATTACHMENT_REJECTED, null, name, why, Visibility.INTERNAL);
    }

    private void record(OrderRef order, EventKind kind, String oldName, String newName, String comment,
                        Visibility visibility) {
        var entry = new WorkOrderEvent(order.id(), Actor.of(context.user()), kind, "attachments", oldName, newName,
                comment, visibility);
        entry.recordedUnder(lifecycle.activeVersion());
        repository.append(List.of(entry));
    }
}
