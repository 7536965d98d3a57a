package dev.orden.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.identity.CurrentUser;
import dev.orden.identity.Role;
import dev.orden.workorder.EventKind;
import dev.orden.workorder.Visibility;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveEventTest {

    private static final CurrentUser AGENT = new CurrentUser("agent-1", "agent", null, "Agent", Set.of(Role.AGENT));
    private static final CurrentUser REQUESTER = new CurrentUser("req-1", "req", null, "Req", Set.of(Role.REQUESTER));
    private static final Change.Order ORDER = new Change.Order(UUID.randomUUID(), "INC-12", "IN_PROGRESS", "open", 4);

    private static Change.Entry entry(EventKind kind, String field, Visibility visibility) {
        return new Change.Entry(kind, field, visibility, "agent-1", "Agent");
    }

    private static Change change(boolean seen, Change.Entry... entries) {
        return new Change("event-1", ORDER, List.of(entries), user -> seen);
    }

    private static JsonObject data(LiveEvent event) {
        return Json.createReader(new StringReader(event.data())).readObject();
    }

    private static List<String> changed(LiveEvent event) {
        return data(event).getJsonArray("changed").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    @Test
    void namesTheChangeByItsMainKind() {
        assertEquals(LiveEvent.CREATED, LiveEvent.of(change(true, entry(EventKind.CREATED, "status", Visibility.PUBLIC),
                entry(EventKind.ASSIGNED, "assignee", Visibility.PUBLIC)), AGENT).orElseThrow().name());
        assertEquals(LiveEvent.ASSIGNED, LiveEvent.of(change(true, entry(EventKind.ASSIGNED, "team", Visibility.PUBLIC),
                entry(EventKind.STATUS_CHANGED, "status", Visibility.PUBLIC)), AGENT).orElseThrow().name());
        assertEquals(LiveEvent.COMMENTED, LiveEvent.of(change(true, entry(EventKind.COMMENTED, null, Visibility.PUBLIC)),
                AGENT).orElseThrow().name());
        assertEquals(LiveEvent.CHANGED, LiveEvent.of(change(true, entry(EventKind.COMMENTED, null, Visibility.PUBLIC),
                entry(EventKind.UPDATED, "priority", Visibility.PUBLIC)), AGENT).orElseThrow().name());
    }

    @Test
    void carriesTheOrderWhatChangedAndWho() {
        var event = LiveEvent.of(change(true, entry(EventKind.STATUS_CHANGED, "status", Visibility.PUBLIC),
                entry(EventKind.UPDATED, "customFields.model", Visibility.PUBLIC),
                entry(EventKind.UPDATED, "status", Visibility.PUBLIC)), AGENT).orElseThrow();
        var data = data(event);
        assertEquals("event-1", event.id());
        assertEquals(ORDER.id().toString(), data.getString("id"));
        assertEquals("INC-12", data.getString("number"));
        assertEquals("IN_PROGRESS", data.getString("status"));
        assertEquals("open", data.getString("statusCategory"));
        assertEquals(4, data.getInt("version"));
        assertEquals(List.of("status", "customFields.model"), changed(event));
        assertEquals("agent-1", data.getJsonObject("actor").getString("id"));
        assertEquals("Agent", data.getJsonObject("actor").getString("name"));
    }

    @Test
    void nothingForWhomThePolicyHidesTheOrder() {
        assertTrue(LiveEvent.of(change(false, entry(EventKind.CREATED, "status", Visibility.PUBLIC)), REQUESTER)
                .isEmpty());
    }

    @Test
    void internalEntriesOnlyForStaff() {
        var internalComment = change(true, entry(EventKind.COMMENTED, null, Visibility.INTERNAL));
        assertTrue(LiveEvent.of(internalComment, REQUESTER).isEmpty());
        var staffSees = LiveEvent.of(internalComment, AGENT).orElseThrow();
        assertEquals("internal", data(staffSees).getJsonObject("comment").getString("visibility"));

        var mixed = change(true, entry(EventKind.UPDATED, "priority", Visibility.PUBLIC),
                entry(EventKind.RULE_FAILED, null, Visibility.INTERNAL),
                entry(EventKind.COMMENTED, null, Visibility.INTERNAL));
        assertEquals(List.of("priority"), changed(LiveEvent.of(mixed, REQUESTER).orElseThrow()));
        assertEquals(List.of("priority", "comment"), changed(LiveEvent.of(mixed, AGENT).orElseThrow()));
    }

    @Test
    void entriesKnownOnlyByKindNameNoActor() {
        var byKind = change(true, new Change.Entry(EventKind.UPDATED, null, Visibility.PUBLIC, null, null));
        var event = LiveEvent.of(byKind, REQUESTER).orElseThrow();
        assertEquals(LiveEvent.CHANGED, event.name());
        assertEquals(List.of(), changed(event));
        assertTrue(!data(event).containsKey("actor"));
    }
}
