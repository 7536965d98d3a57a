package dev.orden.live;

import dev.orden.identity.CurrentUser;
import dev.orden.workorder.EventKind;
import dev.orden.workorder.Visibility;
import dev.orden.workorder.WorkOrderAudience;
import dev.orden.shared.json.Json;
import jakarta.json.JsonBuilderFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One server-sent event for one user: {@code workorder.created}, {@code .assigned}, {@code .commented} or
 * {@code .changed}, with what the portal needs to refresh (the order's id, number, status, category and version,
 * the fields the change touched, who made it). Built only from what the user may see: nothing for an order the
 * policy hides from them, and internal entries only for staff.
 */
record LiveEvent(String name, String id, String data) {

    /** Built once: {@code Json.createObjectBuilder()} looks the provider up on every call (docs/performance.md). */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    static final String CREATED = "workorder.created";
    static final String ASSIGNED = "workorder.assigned";
    static final String COMMENTED = "workorder.commented";
    static final String CHANGED = "workorder.changed";

    static Optional<LiveEvent> of(Change change, CurrentUser user) {
        if (!change.audience().test(user)) return Optional.empty();
        var internal = WorkOrderAudience.seesInternal(user);
        var visible = change.entries().stream()
                .filter(entry -> internal || entry.visibility() == Visibility.PUBLIC)
                .toList();
        if (visible.isEmpty()) return Optional.empty();
        var name = name(visible);
        var order = change.order();
        var data = JSON.createObjectBuilder()
                .add("id", order.id().toString())
                .add("number", order.number())
                .add("status", order.status())
                .add("statusCategory", order.statusCategory())
                .add("version", order.version());
        var changed = JSON.createArrayBuilder();
        changedFields(visible).forEach(changed::add);
        data.add("changed", changed);
        visible.stream().filter(entry -> entry.actorId() != null).findFirst().ifPresent(actor -> data.add("actor",
                JSON.createObjectBuilder().add("id", actor.actorId()).add("name", nullToEmpty(actor.actorName()))));
        if (name.equals(COMMENTED)) {
            var comment = visible.stream().filter(entry -> entry.kind() == EventKind.COMMENTED).findFirst().orElseThrow();
            data.add("comment", JSON.createObjectBuilder()
                    .add("visibility", comment.visibility().name().toLowerCase(Locale.ROOT)));
        }
        return Optional.of(new LiveEvent(name, change.eventId(), data.build().toString()));
    }

    private static String name(List<Change.Entry> entries) {
        var kinds = entries.stream().map(Change.Entry::kind).toList();
        if (kinds.contains(EventKind.CREATED)) return CREATED;
        if (kinds.contains(EventKind.ASSIGNED)) return ASSIGNED;
        if (kinds.contains(EventKind.COMMENTED)
                && !kinds.contains(EventKind.UPDATED) && !kinds.contains(EventKind.STATUS_CHANGED)) {
            return COMMENTED;
        }
        return CHANGED;
    }

    /** The touched fields in order ({@code status}, {@code priority}, {@code customFields.model}, {@code comment}). */
    private static Set<String> changedFields(List<Change.Entry> entries) {
        var fields = new LinkedHashSet<String>();
        for (var entry : entries) {
            if (entry.kind() == EventKind.COMMENTED) fields.add("comment");
            else if (entry.kind() != EventKind.CREATED && entry.field() != null) fields.add(entry.field());
        }
        return fields;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
