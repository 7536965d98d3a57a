package dev.orden.live;

import dev.orden.workorder.EventKind;
import dev.orden.workorder.Visibility;
import dev.orden.workorder.WorkOrderChanged;
import dev.orden.shared.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a committed change says on the {@value #CHANNEL} channel: ids, kinds, version and visibility, never an order's
 * data, since every server (and anyone who may LISTEN on the database) receives every tenant's notices. Whoever
 * receives one loads the rest under the tenant's binding and asks the policy who may see it.
 *
 * @param id         the event's id on every server (SSE {@code id:}, what {@code Last-Event-ID} names)
 * @param entries    the history entries the change stored; left out (empty) when there are more than {@link #MAX_ENTRIES}
 * @param visibility {@code PUBLIC} when any entry is public, else {@code INTERNAL}
 */
record Notice(String id, UUID tenantId, UUID orderId, Set<EventKind> kinds, int version, String requesterId,
              Visibility visibility, List<UUID> entries) {

    /** Built once: {@code Json.createObjectBuilder()} looks the provider up on every call (docs/performance.md). */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READER = Json.createReaderFactory(Map.of());
    static final String CHANNEL = "orden_live";
    /** Keeps a notice far below PostgreSQL's 8000-byte payload limit. */
    static final int MAX_ENTRIES = 100;

    Notice {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        entries = List.copyOf(entries);
    }

    /** Read after the commit: the order's version is then the committed one. */
    static Notice of(WorkOrderChanged change) {
        var kinds = EnumSet.noneOf(EventKind.class);
        var entries = new ArrayList<UUID>();
        var visibility = Visibility.INTERNAL;
        for (var entry : change.entries()) {
            kinds.add(entry.kind());
            entries.add(entry.id());
            if (entry.visibility() == Visibility.PUBLIC) visibility = Visibility.PUBLIC;
        }
        var order = change.order();
        return new Notice(UUID.randomUUID().toString(), change.tenantId(), order.id(), kinds, order.version(),
                order.requesterId(), visibility, entries.size() > MAX_ENTRIES ? List.of() : entries);
    }

    String toJson() {
        var kindsJson = JSON.createArrayBuilder();
        kinds.stream().sorted().forEach(kind -> kindsJson.add(kind.name()));
        var entriesJson = JSON.createArrayBuilder();
        entries.forEach(entry -> entriesJson.add(entry.toString()));
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("tenant", tenantId.toString())
                .add("order", orderId.toString())
                .add("kinds", kindsJson)
                .add("version", version)
                .add("requester", requesterId)
                .add("visibility", visibility.name())
                .add("entries", entriesJson)
                .build()
                .toString();
    }

    /** Empty for anything that is not a notice this version wrote: any role may NOTIFY on any channel. */
    static Optional<Notice> parse(String payload) {
        try (var reader = READER.createReader(new StringReader(payload))) {
            var json = reader.readObject();
            var kinds = EnumSet.noneOf(EventKind.class);
            json.getJsonArray("kinds").getValuesAs(JsonString.class)
                    .forEach(kind -> kinds.add(EventKind.valueOf(kind.getString())));
            var entries = json.getJsonArray("entries").getValuesAs(JsonString.class).stream()
                    .map(entry -> UUID.fromString(entry.getString())).toList();
            return Optional.of(new Notice(UUID.fromString(json.getString("id")).toString(),
                    UUID.fromString(json.getString("tenant")), UUID.fromString(json.getString("order")), kinds,
                    json.getInt("version"), json.getString("requester"), Visibility.valueOf(json.getString("visibility")),
                    entries));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
