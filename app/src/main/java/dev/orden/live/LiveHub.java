package dev.orden.live;

import dev.orden.identity.CurrentUser;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server's open streams, by tenant, and what the database told it lately. A notice is delivered only to
 * streams of its tenant, after loading the change under that tenant's binding, and to each only as the policy lets
 * its user see it ({@link LiveEvent}). Notices are delivered one after the other, in the order the database sent
 * them, so a stream never sees a change before an earlier one.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class.getName());

    @Inject
    LiveSettings settings;

    @Inject
    ChangeLoader loader;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<UUID, Set<Subscription>> byTenant = new HashMap<>();
    private RecentNotices recent;
    private CompletableFuture<Void> deliveries = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> ticks;

    /**
     * Liberty waits up to 30 s on stopping for open connections to finish (quiesce) before it stops the application,
     * and an open stream never finishes by itself. On SIGTERM (how Kubernetes stops a pod) the streams are closed at
     * once, so that clients reconnect to another replica and the pod stops without that wait. ({@code server stop}
     * sends no signal: there the quiesce runs its 30 s while a stream is open.)
     */
    private final Thread onTerm = new Thread(this::closeAll, "orden-live-shutdown");

    @PostConstruct
    void start() {
        recent = new RecentNotices(settings.replayWindow(), settings.replaySize());
        long period = settings.heartbeat().toMillis();
        ticks = scheduler.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(onTerm);
    }

    @PreDestroy
    void stop() {
        ticks.cancel(false);
        try {
            Runtime.getRuntime().removeShutdownHook(onTerm);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs.
        }
        closeAll();
    }

    private void closeAll() {
        open().forEach(subscription -> subscription.close("the server is stopping"));
    }

    /**
     * Opens a stream for {@code user} until {@code expiresAt} (their token's expiry). With {@code lastEventId}, first
     * the tenant's changes after that event, or a {@code resync} event when it is unknown here or too old.
     */
    synchronized void subscribe(UUID tenantId, CurrentUser user, Instant expiresAt, String lastEventId,
                                SseEventSink sink, Sse sse) {
        var streams = byTenant.computeIfAbsent(tenantId, tenant -> new LinkedHashSet<>());
        if (streams.stream().filter(s -> s.user().id().equals(user.id())).count() >= settings.maxStreamsPerUser()) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "You have " + settings.maxStreamsPerUser()
                    + " live streams open on this server already; close one first");
        }
        var subscription = new Subscription(tenantId, user, expiresAt, sink, sse, executor, settings.maxPending(),
                this::remove);
        streams.add(subscription);
        subscription.greet();
        if (lastEventId == null || lastEventId.isBlank()) return;
        recent.after(tenantId, lastEventId.strip(), Instant.now()).ifPresentOrElse(
                missed -> missed.forEach(notice -> deliver(notice, List.of(subscription))),
                () -> subscription.resync("Last-Event-ID is unknown here or older than the replay window"));
    }

    /** A notice from the database: kept for resuming, and delivered to this server's streams of its tenant. */
    synchronized void dispatch(Notice notice) {
        recent.add(notice, Instant.now());
        var streams = byTenant.get(notice.tenantId());
        if (streams != null && !streams.isEmpty()) deliver(notice, List.copyOf(streams));
    }

    /** After the listening connection was lost: notices may have been missed, so every stream reloads. */
    synchronized void resync() {
        recent.clear();
        open().forEach(subscription -> subscription.resync("Changes may have been missed"));
    }

    private void deliver(Notice notice, List<Subscription> to) {
        deliveries = deliveries.thenRunAsync(() -> fanOut(notice, to), executor);
    }

    private void fanOut(Notice notice, List<Subscription> to) {
        try {
            loader.load(notice).ifPresent(change -> to.stream().filter(s -> !s.isClosed()).forEach(subscription ->
                    LiveEvent.of(change, subscription.user()).ifPresent(subscription::send)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live event " + notice.id() + " not delivered", e);
        }
    }

    private synchronized void remove(Subscription subscription) {
        var streams = byTenant.get(subscription.tenantId());
        if (streams == null) return;
        streams.remove(subscription);
        if (streams.isEmpty()) byTenant.remove(subscription.tenantId());
    }

    private synchronized List<Subscription> open() {
        return byTenant.values().stream().flatMap(Set::stream).toList();
    }

    /** Heartbeats (which also find streams whose client left), token expiry, and the replay window. */
    private void tick() {
        var now = Instant.now();
        synchronized (this) {
            recent.prune(now);
        }
        for (var subscription : open()) {
            if (subscription.expiredAt(now)) subscription.close("its token expired");
            else subscription.heartbeat();
        }
    }
}
