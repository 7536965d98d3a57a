package dev.orden.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Records callers in the {@link MemberDirectory}, but only when their facts changed or were last written long ago. */
@ApplicationScoped
public class MemberSightings {

    private static final Duration REFRESH_AFTER = Duration.ofMinutes(10);

    private final ConcurrentHashMap<String, Instant> recorded = new ConcurrentHashMap<>();

    @Inject
    MemberDirectory members;

    public void seen(UUID tenantId, CurrentUser user) {
        var key = tenantId + "/" + user.id() + "/" + MemberDirectory.roleNames(user) + "/" + user.displayName();
        var now = Instant.now();
        var last = recorded.get(key);
        if (last != null && last.plus(REFRESH_AFTER).isAfter(now)) return;
        members.record(tenantId, user);
        recorded.put(key, now);
    }
}
