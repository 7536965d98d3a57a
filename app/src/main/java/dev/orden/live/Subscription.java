package dev.orden.live;

import dev.orden.identity.CurrentUser;
import dev.orden.shared.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open stream: who it is for (as the token said when it opened) and its sink. Events are written one after the
 * other on the managed executor, so that a slow client holds up no one else; one that falls {@code maxPending}
 * events behind, stops reading or whose token expires is closed (its client reconnects with {@code Last-Event-ID}).
 */
final class Subscription {

    /** Built once: {@code Json.createObjectBuilder()} looks the provider up on every call (docs/performance.md). */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final Logger LOG = Logger.getLogger(Subscription.class.getName());

    private final UUID tenantId;
    private final CurrentUser user;
    private final Instant expiresAt;
    private final SseEventSink sink;
    private final Sse sse;
    private final Executor executor;
    private final int maxPending;
    private final Consumer<Subscription> onClose;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);

    Subscription(UUID tenantId, CurrentUser user, Instant expiresAt, SseEventSink sink, Sse sse,
                 Executor executor, int maxPending, Consumer<Subscription> onClose) {
        this.tenantId = tenantId;
        this.user = user;
        this.expiresAt = expiresAt;
        this.sink = sink;
        this.sse = sse;
        this.executor = executor;
        this.maxPending = maxPending;
        this.onClose = onClose;
    }

    UUID tenantId() {
        return tenantId;
    }

    CurrentUser user() {
        return user;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void send(LiveEvent event) {
        offer(sse.newEventBuilder().id(event.id()).name(event.name())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(event.data()).build());
    }

    /** The first thing on a stream, so that the response starts at once. */
    void greet() {
        offer(sse.newEventBuilder().comment("orden live").build());
    }

    void heartbeat() {
        offer(sse.newEventBuilder().comment("heartbeat").build());
    }

    /** Tells the client that events may have been missed: reload what it shows, then carry on. */
    void resync(String reason) {
        offer(sse.newEventBuilder().name("resync").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(JSON.createObjectBuilder().add("reason", reason).build().toString()).build());
    }

    /** Queues the event behind the stream's earlier ones; closing happens outside the lock (it calls the hub). */
    private void offer(OutboundSseEvent event) {
        synchronized (this) {
            if (closed.get()) return;
            if (pending.incrementAndGet() <= maxPending) {
                writes = writes.thenRunAsync(() -> write(event), executor);
                return;
            }
        }
        close("its client fell " + maxPending + " events behind");
    }

    private void write(OutboundSseEvent event) {
        try {
            if (closed.get()) return;
            sink.send(event).toCompletableFuture().join();
        } catch (RuntimeException e) {
            close("its client went away");
        } finally {
            pending.decrementAndGet();
        }
    }

    void close(String why) {
        if (!closed.compareAndSet(false, true)) return;
        LOG.fine(() -> "Live stream of " + user.id() + " closed: " + why);
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing a live stream", e);
        }
        onClose.accept(this);
    }

    boolean isClosed() {
        return closed.get() || sink.isClosed();
    }
}
