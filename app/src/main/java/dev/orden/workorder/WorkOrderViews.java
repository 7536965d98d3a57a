package dev.orden.workorder;

import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import dev.orden.rules.RuleTrace;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the API returns; the entities never leave the service layer as JSON. */
public final class WorkOrderViews {

    private WorkOrderViews() {}

    public record PersonView(String id, String name) {
        static PersonView of(String id, String name) {
            return id == null ? null : new PersonView(id, name);
        }
    }

    public record WorkOrderView(String id, String number, long sequence, String title, String description, String type,
                         Priority priority, String status, Map<String, String> statusName, String statusCategory,
                         List<String> allowedTransitions,
                         String area, PersonView requester, PersonView assignee, String team, Instant dueAt,
                         JsonObject customFields, List<String> retiredFields, Instant createdAt, String createdBy, Instant updatedAt,
                         PersonView completedBy, Instant completedAt, int version, Integer configVersion,
                         JsonObject sla, JsonObject series, long attachments, Instant scheduledStart,
                         Instant scheduledEnd, Map<String, String> areaName, Map<String, String> teamName) {

        /**
         * The order with its state's name per language (its workflow's), the moves the caller may make from where it is, and the keys of its custom values that
         * its type no longer offers (kept, shown as retired); without the custom values of the {@code hidden} keys
         * (internal fields, for a requester).
         */
        static WorkOrderView of(WorkOrder w, Map<String, String> statusName, List<WorkOrderLifecycle.Move> moves,
                                List<String> retiredFields, JsonObject sla, JsonObject series, long attachments,
                                JsonObject bundle, Set<String> hidden) {
            var customFields = Json.createReader(new StringReader(w.customFields())).readObject();
            if (!hidden.isEmpty()) {
                var shown = Json.createObjectBuilder(customFields);
                hidden.forEach(shown::remove);
                customFields = shown.build();
            }
            return new WorkOrderView(w.id().toString(), w.displayNumber(), w.number(), w.title(), w.description(),
                    w.type(), w.priority(), w.status(), statusName, w.statusCategory().key(),
                    moves.stream().map(move -> move.target().key()).toList(), w.area(),
                    PersonView.of(w.requesterId(), w.requesterName()),
                    PersonView.of(w.assigneeId(), w.assigneeName()), w.team(), w.dueAt(),
                    customFields, retiredFields.stream().filter(key -> !hidden.contains(key)).toList(),
                    w.createdAt(),
                    w.createdBy(), w.updatedAt(), PersonView.of(w.completedBy(), w.completedByName()),
                    w.completedAt(), w.version(), w.configVersion(), sla, series, attachments,
                    w.visit() == null ? null : w.visit().start(), w.visit() == null ? null : w.visit().end(),
                    PlaceNames.area(bundle, w.area()), PlaceNames.team(bundle, w.team()));
        }
    }

    public record PageView(List<WorkOrderView> items, String nextCursor) {}

    public record CountsView(long total, Map<String, Long> byStatus, Map<String, Long> byCategory) {
        static CountsView of(WorkOrderRepository.Counts counts) {
            var byCategory = new LinkedHashMap<String, Long>();
            counts.byCategory().forEach((category, n) -> byCategory.put(category.key(), n));
            return new CountsView(counts.byStatus().values().stream().mapToLong(Long::longValue).sum(),
                    counts.byStatus(), byCategory);
        }
    }

    /** A move the caller may make: where to, and what it asks for (a comment, fields that must hold a value). */
    public record TransitionView(String to, String category, Map<String, String> name, boolean requireComment,
                                 List<String> requiredFields, List<String> missingFields) {
        static TransitionView of(WorkOrder order, WorkOrderLifecycle.Move move) {
            var transition = move.transition();
            return new TransitionView(move.target().key(), move.target().category().key(),
                    move.target().name().byLanguage(), transition.requireComment(), transition.requiredFields(),
                    WorkOrderLifecycle.missing(order, transition));
        }
    }

    /** A change; a state's {@code fromName}/{@code toName} are its workflow's names per language (status changes). */
    public record EventView(String id, Instant at, PersonView actor, EventKind kind, String field, String from, String to,
                     String comment, Visibility visibility, Integer configVersion, Map<String, String> fromName,
                     Map<String, String> toName) {
        static EventView of(WorkOrderEvent e, java.util.function.Function<String, Map<String, String>> stateNames) {
            var status = "status".equals(e.field());
            return new EventView(e.id().toString(), e.occurredAt(), PersonView.of(e.actorId(), e.actorName()),
                    e.kind(), e.field(), e.oldValue(), e.newValue(), e.comment(), e.visibility(), e.configVersion(),
                    status && e.oldValue() != null ? stateNames.apply(e.oldValue()) : null,
                    status && e.newValue() != null ? stateNames.apply(e.newValue()) : null);
        }
    }

    /** One evaluation of a flow rule on the order: which rule and version, on what, what it did or why not. */
    public record RuleTraceView(String id, Instant at, String rule, String ruleName, int configVersion, String event,
                                String mode, String outcome, long durationMicros, Long allocatedBytes,
                                JsonValue effects, JsonValue error, JsonValue log) {
        static RuleTraceView of(RuleTrace t) {
            return new RuleTraceView(t.id().toString(), t.occurredAt(), t.ruleKey(), t.ruleName(), t.configVersion(),
                    t.event(), t.mode().name(), t.outcome().name(), t.durationMicros(), t.allocatedBytes(),
                    parse(t.effects()), t.error() == null ? null : parse(t.error()), parse(t.log()));
        }

        private static JsonValue parse(String json) {
            return Json.createReader(new StringReader(json)).readValue();
        }
    }

    public record CommentView(String id, PersonView author, String body, Visibility visibility, Instant createdAt) {
        static CommentView of(Comment c) {
            return new CommentView(c.id().toString(), PersonView.of(c.authorId(), c.authorName()), c.body(),
                    c.visibility(), c.createdAt());
        }
    }
}
