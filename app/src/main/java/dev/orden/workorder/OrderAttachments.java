package dev.orden.workorder;

import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the attachments feature ({@code dev.orden.attachment}) sees of an order and records in its history: the
 * order as the caller may see it (404 otherwise, as everywhere), a comment of it, and the history entries of a file
 * added, removed or refused, which reach live streams and observers like every other change, and a removed file
 * taken out of the order's attachment fields.
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
    WorkOrderRules rules;

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

    /**
     * A removed file is taken out of every custom value that names it, as an edit of those fields is (history
     * entries, a new version), even when that leaves a required field empty: the file is gone. A list left empty is
     * cleared. The tenant's rules on {@code workorder.updating} and {@code workorder.updated} see it as that edit.
     */
    public void removeFromFields(OrderRef ref, UUID attachmentId) {
        var order = repository.find(ref.id()).orElseThrow();
        var changed = Json.createObjectBuilder();
        try (var reader = Json.createReader(new StringReader(order.customFields()))) {
            reader.readObject().forEach((key, value) ->
                    without(value, attachmentId.toString()).ifPresent(kept -> changed.add(key, kept)));
        }
        var fields = changed.build();
        if (fields.isEmpty()) return;
        var patch = Json.createObjectBuilder().add("customFields", fields).build();
        var user = context.user();
        var fired = rules.prepare();
        var events = new ArrayList<>(order.update(WorkOrderInput.changes(patch, order), Actor.of(user)));
        events.addAll(rules.fire(fired, "workorder.updating", order, patch, user));
        events.addAll(rules.fire(fired, "workorder.updated", order, patch, user));
        events.forEach(event -> event.recordedUnder(lifecycle.activeVersion()));
        repository.append(events);
    }

    /** The value without the file, if it names it. */
    private static Optional<JsonValue> without(JsonValue value, String id) {
        if (!(value instanceof JsonArray files)) return names(value, id) ? Optional.of(JsonValue.NULL) : Optional.empty();
        var kept = files.stream().filter(file -> !names(file, id)).toList();
        if (kept.size() == files.size()) return Optional.empty();
        return Optional.of(kept.isEmpty() ? JsonValue.NULL : Json.createArrayBuilder(kept).build());
    }

    private static boolean names(JsonValue file, String id) {
        return file instanceof JsonObject object && object.get("id") instanceof JsonString text
                && text.getString().equals(id);
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
