package dev.orden.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * A steady load for the fault tests: clients that each create work orders one after another (a short pause between
 * them) through one server, recording every answer or error with its times, until stopped. A client whose server
 * refuses connections moves on to the next server of the list when {@code failover} is set, as a load balancer
 * would send it there; the request that failed is not retried (it may or may not have been committed).
 */
final class OrderLoad implements AutoCloseable {

    /** Answers slower than this count as a hang; the request itself gives up later, at three times that. */
    static final Duration HANG = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofMillis(10);

    /** One request: its server, when it started and ended, and its answer (status, problem, order) or error. */
    record Outcome(int client, String server, long startNanos, long endNanos, int status, String contentType,
                   String problemType, String retryAfter, String id, String number, String error) {

        boolean acknowledged() {
            return status == 201;
        }

        Duration took() {
            return Duration.ofNanos(endNanos - startNanos);
        }

        /** "201", "503 unavailable", "connect refused", "timeout", ... */
        String kind() {
            if (error != null) return error;
            return problemType == null ? Integer.toString(status) : status + " " + problemType;
        }

        boolean overlaps(long fromNanos, long toNanos) {
            return endNanos >= fromNanos && startNanos <= toNanos;
        }
    }

    private final String tag;
    private final String username;
    private final List<String> servers;
    private final boolean failover;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running = true;

    private OrderLoad(String tag, String username, List<String> servers, boolean failover) {
        this.tag = tag;
        this.username = username;
        this.servers = List.copyOf(servers);
        this.failover = failover;
    }

    /**
     * Starts {@code clientsPerServer} clients on each of {@code baseUrls}, creating orders as {@code username} (a
     * demo user) titled {@code <tag>-<client>-<n>}.
     */
    static OrderLoad start(String tag, String username, List<String> baseUrls, int clientsPerServer,
                           boolean failover) {
        var load = new OrderLoad(tag, username, baseUrls, failover);
        Tokens.of(username, It.DEMO_PASSWORD);
        for (int s = 0; s < baseUrls.size(); s++) {
            for (int c = 0; c < clientsPerServer; c++) {
                int client = s * clientsPerServer + c;
                int server = s;
                var thread = Thread.ofPlatform().name("order-load-" + client).daemon()
                        .start(() -> load.run(client, server));
                load.clients.add(thread);
            }
        }
        return load;
    }

    /**
     * Creates a few orders through a freshly started server, one at a time, before the load: its first requests are
     * slow (class loading, JIT, the tenant's configuration and rules read on first use), which is not the fault under
     * test. Fails if they do not succeed within two minutes.
     */
    static void warmUp(String baseUrl, String username, int orders) {
        var load = new OrderLoad("warm-up", username, List.of(baseUrl), false);
        var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        int created = 0;
        Outcome last = null;
        while (created < orders && System.nanoTime() < deadline) {
            last = load.create(-1, baseUrl, It.unique("warm-up"), Duration.ofMinutes(1));
            if (last.acknowledged()) created++;
        }
        if (created < orders) throw new IllegalStateException(baseUrl + " did not warm up: " + last);
    }

    /** Waits until {@code enough} holds for the outcomes so far; false if {@code timeout} passed first. */
    boolean awaitOutcomes(Predicate<List<Outcome>> enough, Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (enough.test(outcomes())) return true;
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return enough.test(outcomes());
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Stops the clients and waits (bounded) for their last requests. */
    List<Outcome> stop() {
        running = false;
        for (var thread : clients) {
            try {
                thread.join(HANG.multipliedBy(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return outcomes();
    }

    @Override
    public void close() {
        stop();
    }

    private void run(int client, int firstServer) {
        int server = firstServer;
        for (long n = 1; running; n++) {
            var outcome = create(client, servers.get(server), tag + "-" + client + "-" + n, HANG.multipliedBy(3));
            outcomes.add(outcome);
            if (failover && "connect refused".equals(outcome.error())) server = (server + 1) % servers.size();
            LockSupport.parkNanos(PAUSE.toNanos());
        }
    }

    private Outcome create(int client, String baseUrl, String title, Duration timeout) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/workorders"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + Tokens.of(username, It.DEMO_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder().add("title", title).build().toString()))
                .build();
        long start = System.nanoTime();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            var type = response.headers().firstValue("Content-Type").orElse("");
            var retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            var body = json(response.body());
            if (response.statusCode() == 201 && body != null) {
                return new Outcome(client, baseUrl, start, end, 201, type, null, retryAfter, body.getString("id"),
                        body.getString("number"), null);
            }
            var problem = body != null && type.startsWith("application/problem+json") && body.containsKey("type")
                    ? body.getString("type").replace(Res.PROBLEM_TYPE_BASE, "") : null;
            return new Outcome(client, baseUrl, start, end, response.statusCode(), type, problem, retryAfter, null,
                    null, null);
        } catch (HttpTimeoutException e) {
            return failed(client, baseUrl, start, "timeout");
        } catch (ConnectException e) {
            return failed(client, baseUrl, start, "connect refused");
        } catch (IOException e) {
            return failed(client, baseUrl, start, "connection lost");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return failed(client, baseUrl, start, "interrupted");
        } catch (RuntimeException e) {
            return failed(client, baseUrl, start, "client error " + e);
        }
    }

    private static Outcome failed(int client, String baseUrl, long start, String error) {
        return new Outcome(client, baseUrl, start, System.nanoTime(), 0, "", null, null, null, null, error);
    }

    private static JsonObject json(String body) {
        if (body == null || body.isBlank()) return null;
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue() instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The acknowledged orders the database does not hold as acknowledged: missing, under another number, or without
     * their CREATED history entry. Read as a superuser, so every tenant's rows.
     */
    static List<String> notDurable(TempPostgres db, List<Outcome> acknowledged) {
        var found = new java.util.HashMap<String, String>();
        try (var connection = db.connectAsSuperuser(); var query = connection.prepareStatement(
                "SELECT w.id::text, w.number_prefix || '-' || w.number FROM work_order w WHERE w.id = ANY (?::uuid[])"
                        + " AND EXISTS (SELECT 1 FROM work_order_event e WHERE e.tenant_id = w.tenant_id"
                        + " AND e.work_order_id = w.id AND e.kind = 'CREATED')")) {
            query.setArray(1, connection.createArrayOf("text",
                    acknowledged.stream().map(Outcome::id).toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) found.put(rows.getString(1), rows.getString(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return acknowledged.stream()
                .filter(o -> !o.number().equals(found.get(o.id())))
                .map(o -> o.id() + " " + o.number() + " (from " + o.server() + ")")
                .toList();
    }

    /** How many orders titled {@code <tag>-...} the database holds (acknowledged or not). */
    static long stored(TempPostgres db, String tag) {
        try (var connection = db.connectAsSuperuser(); var query = connection.prepareStatement(
                "SELECT count(*) FROM work_order WHERE title LIKE ?")) {
            query.setString(1, tag + "-%");
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many outcomes of each kind: {"201": 812, "503 unavailable": 95, ...}. */
    static Map<String, Long> countByKind(List<Outcome> outcomes) {
        var counts = new TreeMap<String, Long>();
        outcomes.forEach(o -> counts.merge(o.kind(), 1L, Long::sum));
        return counts;
    }

    static Duration median(List<Outcome> outcomes) {
        var times = outcomes.stream().map(Outcome::took).sorted().toList();
        return times.isEmpty() ? Duration.ZERO : times.get(times.size() / 2);
    }

    /** The longest answer of these. */
    static Duration slowest(List<Outcome> outcomes) {
        return outcomes.stream().map(Outcome::took).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
