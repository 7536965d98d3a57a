package dev.orden.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.workorder.EventKind;
import dev.orden.workorder.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentNoticesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final UUID ACME = UUID.randomUUID();
    private static final UUID GLOBEX = UUID.randomUUID();

    private static Notice of(UUID tenant) {
        return new Notice(UUID.randomUUID().toString(), tenant, UUID.randomUUID(), Set.of(EventKind.UPDATED), 2,
                "r", Visibility.PUBLIC, List.of());
    }

    @Test
    void resumesAfterTheNamedNoticeInArrivalOrder() {
        var recent = new RecentNotices(Duration.ofMinutes(5), 100);
        var a = of(ACME);
        var b = of(ACME);
        var c = of(ACME);
        recent.add(a, T0);
        recent.add(of(GLOBEX), T0);
        recent.add(b, T0.plusSeconds(1));
        recent.add(c, T0.plusSeconds(2));
        assertEquals(List.of(b, c), recent.after(ACME, a.id(), T0.plusSeconds(3)).orElseThrow());
        assertEquals(List.of(), recent.after(ACME, c.id(), T0.plusSeconds(3)).orElseThrow());
    }

    @Test
    void anotherTenantsIdResumesNothing() {
        var recent = new RecentNotices(Duration.ofMinutes(5), 100);
        var globex = of(GLOBEX);
        recent.add(globex, T0);
        recent.add(of(ACME), T0);
        assertTrue(recent.after(ACME, globex.id(), T0).isEmpty());
        assertTrue(recent.after(ACME, "made-up", T0).isEmpty());
    }

    @Test
    void forgetsWhatIsOlderThanTheWindowOrBeyondTheCount() {
        var recent = new RecentNotices(Duration.ofMinutes(5), 2);
        var first = of(ACME);
        var second = of(ACME);
        var third = of(ACME);
        recent.add(first, T0);
        recent.add(second, T0.plusSeconds(60));
        recent.add(third, T0.plusSeconds(120));
        assertTrue(recent.after(ACME, first.id(), T0.plusSeconds(121)).isEmpty(), "beyond the count");
        assertEquals(List.of(third), recent.after(ACME, second.id(), T0.plusSeconds(121)).orElseThrow());
        assertTrue(recent.after(ACME, second.id(), T0.plusSeconds(60 + 301)).isEmpty(), "older than the window");
    }

    @Test
    void clearedAfterAGap() {
        var recent = new RecentNotices(Duration.ofMinutes(5), 100);
        var notice = of(ACME);
        recent.add(notice, T0);
        recent.clear();
        assertTrue(recent.after(ACME, notice.id(), T0).isEmpty());
    }
}
