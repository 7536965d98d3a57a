package dev.orden.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The latest notices per tenant, in the order the database delivered them (the same on every server), for
 * {@code Last-Event-ID}: what came after the named one, if it is still here. Bounded by age and by count per tenant.
 * Not thread-safe: {@link LiveHub} guards it.
 */
final class RecentNotices {

    private record Received(Notice notice, Instant at) {}

    private final Map<UUID, ArrayDeque<Received>> byTenant = new HashMap<>();
    private final Duration window;
    private final int perTenant;

    RecentNotices(Duration window, int perTenant) {
        this.window = window;
        this.perTenant = perTenant;
    }

    void add(Notice notice, Instant now) {
        var recent = byTenant.computeIfAbsent(notice.tenantId(), tenant -> new ArrayDeque<>());
        recent.addLast(new Received(notice, now));
        while (recent.size() > perTenant) recent.removeFirst();
    }

    /** The tenant's notices after the one with {@code id}; empty when it is unknown to this tenant or too old. */
    Optional<List<Notice>> after(UUID tenantId, String id, Instant now) {
        prune(now);
        var recent = byTenant.get(tenantId);
        if (recent == null) return Optional.empty();
        var list = List.copyOf(recent);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).notice().id().equals(id)) {
                return Optional.of(list.subList(i + 1, list.size()).stream().map(Received::notice).toList());
            }
        }
        return Optional.empty();
    }

    void prune(Instant now) {
        var oldest = now.minus(window);
        byTenant.values().forEach(recent -> {
            while (!recent.isEmpty() && recent.peekFirst().at().isBefore(oldest)) recent.removeFirst();
        });
        byTenant.values().removeIf(ArrayDeque::isEmpty);
    }

    /** Forgets everything: after notices may have been missed, no resume may pretend to be complete. */
    void clear() {
        byTenant.clear();
    }
}
