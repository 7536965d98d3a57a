package dev.orden.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.workorder.EventKind;
import dev.orden.workorder.Visibility;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeTest {

    private static Notice notice(List<UUID> entries) {
        return new Notice(UUID.randomUUID().toString(), UUID.randomUUID(), UUID.randomUUID(),
                EnumSet.of(EventKind.STATUS_CHANGED, EventKind.ASSIGNED), 7, "requester-1", Visibility.PUBLIC, entries);
    }

    @Test
    void readsBackWhatItWrites() {
        var notice = notice(List.of(UUID.randomUUID(), UUID.randomUUID()));
        assertEquals(notice, Notice.parse(notice.toJson()).orElseThrow());
    }

    @Test
    void carriesIdsKindsVersionAndVisibilityOnly() {
        var json = notice(List.of()).toJson();
        var keys = jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject().keySet();
        assertEquals(Set.of("id", "tenant", "order", "kinds", "version", "requester", "visibility", "entries"), keys);
    }

    /** PostgreSQL refuses a payload of 8000 bytes or more: the largest notice stays well below. */
    @Test
    void theLargestNoticeFitsAPayload() {
        var most = IntStream.range(0, Notice.MAX_ENTRIES).mapToObj(i -> UUID.randomUUID()).toList();
        var notice = new Notice(UUID.randomUUID().toString(), UUID.randomUUID(), UUID.randomUUID(),
                EnumSet.allOf(EventKind.class), Integer.MAX_VALUE, "f".repeat(36), Visibility.INTERNAL, most);
        assertTrue(notice.toJson().getBytes(StandardCharsets.UTF_8).length < 5000, notice.toJson());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "{}", "[1]", "{\"id\":\"x\"}",
            "{\"id\":\"not-a-uuid\",\"tenant\":\"8c1f0f4e-0000-4000-8000-000000000000\"}"})
    void anythingElseIsIgnored(String payload) {
        assertFalse(Notice.parse(payload).isPresent());
    }

    @Test
    void anUnknownKindIsIgnored() {
        var json = notice(List.of()).toJson().replace("\"ASSIGNED\"", "\"EXPLODED\"");
        assertFalse(Notice.parse(json).isPresent());
    }

    @Test
    void entriesAreCopied() {
        var entries = new java.util.ArrayList<>(List.of(UUID.randomUUID()));
        var notice = notice(entries);
        entries.clear();
        assertEquals(1, notice.entries().size());
        assertEquals(Collections.emptyList(), notice(List.of()).entries());
    }
}
