package dev.orden.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver in the test JVM, on a free loopback port: each path answers the statuses queued for it, then
 * its default (200), and every request is kept. It checks signatures as a receiver following docs/webhooks.md would.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request and how it was answered: {@code late} when the answer came after {@link #answerLate}'s delay. */
    record Received(String path, Map<String, List<String>> headers, String body, Instant at, int status,
                    boolean late) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> queued = new ConcurrentHashMap<>();
    private final Map<String, Integer> defaults = new ConcurrentHashMap<>();
    private final Map<String, Deque<Duration>> late = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var path = exchange.getRequestURI().getPath();
            var at = Instant.now();
            int status;
            Duration delay;
            synchronized (queued) {
                var next = queued.getOrDefault(path, new ArrayDeque<>()).poll();
                status = next != null ? next : defaults.getOrDefault(path, 200);
                var lateOnes = late.getOrDefault(path, new ArrayDeque<>());
                delay = status / 100 == 2 ? lateOnes.poll() : null;
            }
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, at, status,
                    delay != null));
            if (delay != null) sleep(delay.toMillis());
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // One thread per request, so that a late answer holds up no other.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The URL of {@code path} on this receiver. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** {@code path} answers these statuses first, once each, then {@code otherwise}. */
    void answer(String path, int otherwise, Integer... first) {
        synchronized (queued) {
            queued.put(path, new ArrayDeque<>(Arrays.asList(first)));
            defaults.put(path, otherwise);
        }
    }

    /**
     * The next {@code count} 2xx answers on {@code path} go out only after {@code delay}: past the sender's timeout,
     * a 2xx the sender never sees (the request was taken, the answer lost).
     */
    void answerLate(String path, int count, Duration delay) {
        synchronized (queued) {
            var delays = new ArrayDeque<Duration>();
            for (int i = 0; i < count; i++) delays.add(delay);
            late.put(path, delays);
        }
    }

    /** The port it listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    List<Received> on(String path, Predicate<Received> matching) {
        return received.stream().filter(r -> r.path().equals(path) && matching.test(r)).toList();
    }

    /** Waits until {@code path} got {@code count} matching requests; fails after {@code within}. */
    List<Received> await(String path, Predicate<Received> matching, int count, Duration within) {
        var deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            var got = on(path, matching);
            if (got.size() >= count) return got;
            sleep(100);
        }
        throw new AssertionError(path + ": expected " + count + " requests within " + within + ", got "
                + new ArrayList<>(on(path, matching)));
    }

    /**
     * Whether {@code Orden-Signature} ({@code t=…,v1=…[,v1=…]}) has a v1 that is the HMAC-SHA256 of
     * {@code "<t>.<body>"} with {@code secret}, and t is within five minutes of now.
     */
    static boolean signedWith(Received request, String secret) {
        var header = request.header("Orden-Signature");
        if (header == null) return false;
        long t = -1;
        var signatures = new ArrayList<String>();
        for (var part : header.split(",")) {
            var kv = part.split("=", 2);
            if (kv[0].equals("t")) t = Long.parseLong(kv[1]);
            if (kv[0].equals("v1")) signatures.add(kv[1]);
        }
        if (Math.abs(Instant.now().getEpochSecond() - t) > 300) return false;
        var expected = hmac(secret, t + "." + request.body());
        return signatures.stream().anyMatch(s -> java.security.MessageDigest.isEqual(
                s.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String hmac(String secret, String message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
