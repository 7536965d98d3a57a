package dev.orden.workorder;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the API returns; the entities never leave the service layer as JSON. */
public final class WorkOrderViews {

    private WorkOrderViews() {}

    public record PersonView(String id, String name) {
        static PersonView of(String id, String name) {
            return id == null ? null : new PersonView(id, name);
        }
    }

    public record WorkOrderView(String id, String number, long sequence, String title, String description, String type,
                         Priority priority, WorkOrderStatus status, List<WorkOrderStatus> allowedTransitions,
                         String area, PersonView requester, PersonView assignee, String team, Instant dueAt,
                         JsonObject customFields, Instant createdAt, String createdBy, Instant updatedAt,
                         PersonView completedBy, Instant completedAt, int version, Integer configVersion) {

        static WorkOrderView of(WorkOrder w) {
            return new WorkOrderView(w.id().toString(), w.displayNumber(), w.number(), w.title(), w.description(),
                    w.type(), w.priority(), w.status(), List.copyOf(w.status().next()), w.area(),
                    PersonView.of(w.requesterId(), w.requesterName()),
                    PersonView.of(w.assigneeId(), w.assigneeName()), w.team(), w.dueAt(),
                    Json.createReader(new StringReader(w.customFields())).readObject(), w.createdAt(),
                    w.createdBy(), w.updatedAt(), PersonView.of(w.completedBy(), w.completedByName()),
                    w.completedAt(), w.version(), w.configVersion());
        }
    }

    public record PageView(List<WorkOrderView> items, String nextCursor) {}

    public record CountsView(long total, Map<WorkOrderStatus, Long> byStatus) {
        static CountsView of(Map<WorkOrderStatus, Long> byStatus) {
            return new CountsView(byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus);
        }
    }

    public record EventView(String id, Instant at, PersonView actor, EventKind kind, String field, String from, String to,
                     String comment, Visibility visibility) {
        static EventView of(WorkOrderEvent e) {
            return new EventView(e.id().toString(), e.occurredAt(), PersonView.of(e.actorId(), e.actorName()),
                    e.kind(), e.field(), e.oldValue(), e.newValue(), e.comment(), e.visibility());
        }
    }

    public record CommentView(String id, PersonView author, String body, Visibility visibility, Instant createdAt) {
        static CommentView of(Comment c) {
            return new CommentView(c.id().toString(), PersonView.of(c.authorId(), c.authorName()), c.body(),
                    c.visibility(), c.createdAt());
        }
    }
}
