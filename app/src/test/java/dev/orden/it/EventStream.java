package dev.orden.it;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/events} read as a browser's EventSource would (java.net.http, line by line, on a thread of its
 * own): events with their id, name, JSON data and when they arrived; comment lines counted.
 */
final class EventStream implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);

    record Event(String id, String name, String data, long receivedNanos) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(data))) {
                return reader.readObject();
            }
        }

        String orderId() {
            return json().getString("id", null);
        }

        @Override
        public String toString() {
            return name + " #" + id + " " + data;
        }
    }

    /** What the server answered before any event: the status, and the body when it was not a stream. */
    record Opening(int status, String contentType, String body, EventStream stream) {}

    private final String who;
    private final HttpHeaders headers;
    private final Stream<String> lines;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private volatile boolean ended;

    private EventStream(String who, HttpResponse<Stream<String>> response) {
        this.who = who;
        this.headers = response.headers();
        this.lines = response.body();
        Thread.ofVirtual().name("sse-" + who).start(this::read);
    }

    /** A stream on {@code baseUrl} (the server's root) for {@code token}; fails unless it opens (200). */
    static EventStream open(String baseUrl, String who, String token) {
        return open(baseUrl, who, token, null);
    }

    static EventStream open(String baseUrl, String who, String token, String lastEventId) {
        var opening = attempt(baseUrl, who, token, lastEventId);
        if (opening.stream() == null) fail("GET /events as " + who + ": " + opening.status() + " " + opening.body());
        return opening.stream();
    }

    static Opening attempt(String baseUrl, String who, String token, String lastEventId) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events"))
                .header("Accept", "text/event-stream");
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        try {
            var response = Http.DEFAULT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            var contentType = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() == 200 && contentType.startsWith("text/event-stream")) {
                return new Opening(200, contentType, null, new EventStream(who, response));
            }
            try (var body = response.body()) {
                return new Opening(response.statusCode(), contentType, String.join("\n", body.toList()), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("GET /events as " + who, e);
        }
    }

    private void read() {
        String id = null;
        String name = null;
        var data = new StringBuilder();
        try {
            for (var it = lines.iterator(); it.hasNext(); ) {
                var line = it.next();
                if (line.isEmpty()) {
                    if (name != null || !data.isEmpty()) events.add(new Event(id, name, data.toString(), System.nanoTime()));
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) data.append('\n');
                    data.append(value(line));
                }
            }
        } catch (UncheckedIOException e) {
            // Closed by the test or by the server.
        } finally {
            ended = true;
        }
    }

    private static String value(String line) {
        var value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    /** The next event, whatever it is. */
    Event next(Duration timeout) {
        try {
            var event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) fail(who + ": no event within " + timeout + (ended ? " (the stream ended)" : ""));
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Event next() {
        return next(WAIT);
    }

    /** Events up to and including the first that {@code last} accepts: what arrived before it is returned too. */
    List<Event> until(Predicate<Event> last) {
        var seen = new ArrayList<Event>();
        while (true) {
            var event = next();
            seen.add(event);
            if (last.test(event)) return seen;
        }
    }

    /** The first event about the order with this id and of this name; other events before it are skipped. */
    Event about(String orderId, String name) {
        return until(e -> orderId.equals(e.orderId()) && name.equals(e.name())).getLast();
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    int comments() {
        return comments.get();
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        lines.close();
    }

    /**
     * Gives the servers time to notice that the test's streams are closed (at their next heartbeats, two seconds
     * apart on the test servers), so that none is still open when the build stops them: Liberty would wait 30 s for
     * it before stopping (docs/live-tracking.md).
     */
    static void letServersDropClosedStreams() {
        LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
    }

    @Override
    public String toString() {
        return who;
    }
}
