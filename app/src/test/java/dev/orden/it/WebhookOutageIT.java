package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #8, reliability: a webhook receiver down for a while - first its port closed, then answering 503 - while
 * the tenant's orders keep changing. Afterwards every event arrives, each idempotency key at least once, a key twice
 * only where the receiver took a request whose 2xx never reached Orden, bodies intact and signed, attempts in order,
 * and every delivery `DELIVERED` in the API.
 *
 * <p>"Minutes" are compressed: the outage lasts {@link #CLOSED} + {@link #UNAVAILABLE} (75 s), and for that time
 * this class widens the IT server's retry budget (3 attempts after 1 s) to what production's default covers over
 * hours: 40 attempts, backoff 1 s doubling to at most 5 s. It does so as an operator would, with server.xml
 * variables in a configDropins file, which Orden reads at each attempt (docs/webhooks.md), and removes them after.
 */
class WebhookOutageIT {

    private static final String PASSWORD = "outage-pass-123";
    private static final Duration CLOSED = Duration.ofSeconds(40);
    private static final Duration UNAVAILABLE = Duration.ofSeconds(35);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int ORDERS = 10;
    private static final int COMMENTS = 5;
    private static final int LOST_ANSWERS = 2;

    static String slug;
    static String email;
    static Api admin;
    static WebhookReceiver receiver;
    static TcpProxy port;
    static ServerVariables variables;

    @BeforeAll
    static void aTenantAReceiverBehindAPortAndAWiderRetryBudget() {
        slug = It.unique("outage");
        email = slug + "-admin@webhooks.test";
        Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .post("/signup", Json.createObjectBuilder().add("company", "Outage " + slug).add("slug", slug)
                        .add("adminEmail", email).add("adminName", "Otto Outage").add("password", PASSWORD).build())
                .expect(201);
        admin = Api.as(email, PASSWORD);
        admin.me();
        receiver = new WebhookReceiver();
        port = new TcpProxy("127.0.0.1", receiver.port()).start();
        variables = new ServerVariables(Path.of(It.PLUGINS_DIR).getParent(), "webhook-outage.xml");
        variables.set(Map.of("orden.webhooks.max-attempts", "40", "orden.webhooks.backoff", "PT1S",
                "orden.webhooks.backoff-max", "PT5S", "orden.webhooks.disable-after", "100"));
    }

    @AfterAll
    static void putEverythingBack() {
        if (variables != null) variables.remove();
        if (port != null) port.close();
        if (receiver != null) receiver.close();
        if (slug != null) KcAdmin.forgetTenant(slug, List.of(email));
    }

    @Test
    @Timeout(value = 170, unit = TimeUnit.SECONDS)
    void everyEventArrivesAfterTheOutageWithDuplicatesOnlyWhereA2xxWasLost() {
        var url = "http://127.0.0.1:" + port.port() + "/crm";
        var hook = admin.post("/admin/webhooks", Json.createObjectBuilder().add("name", "crm").add("url", url)
                .add("events", Json.createArrayBuilder().add("workorder.created").add("workorder.updated")
                        .add("comment.added"))
                .build()).expect(201).json();
        var secret = hook.getString("secret");

        var down = Instant.now();
        port.stop();
        var expected = changeOrders();
        var eventsDone = Instant.now();
        sleepUntil(down.plus(CLOSED));
        int refusedOnly = receiver.on("/crm", r -> true).size();
        receiver.answer("/crm", 503);
        port.start();
        sleepUntil(down.plus(CLOSED).plus(UNAVAILABLE));
        receiver.answerLate("/crm", LOST_ANSWERS, TIMEOUT.plusSeconds(1));
        receiver.answer("/crm", 200);
        var up = Instant.now();

        var deliveries = awaitAllDelivered(hook, expected.size(), Duration.ofSeconds(60));
        var recovered = Duration.between(up, Instant.now());
        WebhookReceiver.sleep(TIMEOUT.plusSeconds(2).toMillis()); // a retry of a lost answer would be here by now
        deliveries = deliveries(hook);

        assertEquals(0, refusedOnly, "nothing reached the receiver while its port was closed");
        var got = receiver.on("/crm", r -> true);
        var byKey = got.stream().collect(Collectors.groupingBy(r -> r.header("Idempotency-Key"), TreeMap::new,
                Collectors.toList()));
        assertEquals(expected.size(), deliveries.size(), "one delivery per event: " + deliveries.size());
        assertEquals(deliveries.stream().map(d -> d.getString("id")).collect(Collectors.toSet()), byKey.keySet(),
                "each idempotency key arrived at least once");
        assertEquals(expected, events(byKey), "every event, intact");

        int duplicates = 0;
        int lost = 0;
        for (var entry : byKey.entrySet()) {
            var requests = entry.getValue();
            var acknowledged = requests.stream().filter(r -> r.status() == 200 && !r.late()).count();
            assertEquals(1, acknowledged, "taken exactly once with a 2xx Orden saw: " + entry.getKey());
            var taken = requests.stream().filter(r -> r.status() == 200).count();
            lost += (int) requests.stream().filter(WebhookReceiver.Received::late).count();
            duplicates += (int) taken - 1;
            assertEquals(requests.stream().filter(WebhookReceiver.Received::late).count(), taken - 1,
                    "a second 2xx only after a lost one: " + entry.getKey());
            assertTrue(requests.stream().allMatch(r -> r.body().equals(requests.getFirst().body())),
                    "the same body on every attempt");
            assertTrue(requests.stream().allMatch(r -> WebhookReceiver.signedWith(r, secret)), "signed");
            assertEquals(entry.getKey(), parse(requests.getFirst().body()).getString("id"));
            var numbers = requests.stream().map(r -> Integer.parseInt(r.header("Orden-Attempt"))).toList();
            assertEquals(numbers.stream().sorted().distinct().toList(), numbers, "attempts in order, none twice");
            assertAttemptsLogged(deliveryOf(deliveries, entry.getKey()), numbers);
        }
        assertEquals(LOST_ANSWERS, lost, "the receiver held back " + LOST_ANSWERS + " answers");
        assertEquals(LOST_ANSWERS, duplicates, "each lost answer cost exactly one duplicate");
        assertTrue(admin.get("/admin/webhooks/" + hook.getString("id")).expect(200).json().getBoolean("active"));

        var attempts = deliveries.stream().mapToInt(d -> d.getInt("attemptCount")).summaryStatistics();
        System.out.printf("WebhookOutageIT: %d events in %d s, outage %d s (port closed %d s, 503 %d s), "
                        + "%d requests received (%d x 503), attempts per delivery %d-%d (total %d), %d lost 2xx -> "
                        + "%d duplicates, all delivered %d ms after the receiver came back%n",
                expected.size(), Duration.between(down, eventsDone).toSeconds(),
                CLOSED.plus(UNAVAILABLE).toSeconds(), CLOSED.toSeconds(), UNAVAILABLE.toSeconds(), got.size(),
                got.stream().filter(r -> r.status() == 503).count(), attempts.getMin(), attempts.getMax(),
                attempts.getSum(), lost, duplicates, recovered.toMillis());
    }

    /** Creates orders, updates each and comments on some, while the receiver is away; the events they make. */
    private static List<String> changeOrders() {
        var events = new ArrayList<String>();
        var orders = new ArrayList<JsonObject>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(create(admin, It.unique("outage " + i)));
            events.add("workorder.created " + orders.getLast().getString("id"));
        }
        for (var order : orders) {
            admin.patch("/workorders/" + order.getString("id"),
                    Json.createObjectBuilder().add("description", "changed while the receiver is down").build(),
                    order.getInt("version")).expect(200);
            events.add("workorder.updated " + order.getString("id"));
        }
        for (int i = 0; i < COMMENTS; i++) {
            var id = orders.get(i).getString("id");
            WorkOrders.comment(admin, id, "comment " + i, "PUBLIC").expect(201);
            events.add("comment.added " + id);
        }
        return events.stream().sorted().toList();
    }

    private static List<String> events(Map<String, List<WebhookReceiver.Received>> byKey) {
        return byKey.values().stream().map(requests -> parse(requests.getFirst().body()))
                .map(body -> body.getString("event") + " " + body.getJsonObject("order").getString("id"))
                .sorted().toList();
    }

    /** The API's log of the delivery: the attempts the receiver saw are among them, the last one a 200. */
    private static void assertAttemptsLogged(JsonObject delivery, List<Integer> seen) {
        assertEquals("DELIVERED", delivery.getString("status"), delivery.toString());
        var attempts = delivery.getJsonArray("attempts").getValuesAs(JsonObject.class);
        var numbers = attempts.stream().map(a -> a.getInt("number")).toList();
        assertEquals(numbers.stream().sorted().toList(), numbers, delivery.toString());
        assertTrue(numbers.containsAll(seen.subList(0, seen.size() - (seen.size() > 1 ? 1 : 0))),
                "attempts " + seen + " logged: " + delivery);
        var last = attempts.getLast();
        assertEquals(200, last.getInt("statusCode"), delivery.toString());
        assertEquals(delivery.getInt("attemptCount"), last.getInt("number"));
        assertTrue(attempts.stream().limit(attempts.size() - 1).noneMatch(a -> a.containsKey("statusCode")
                && a.getInt("statusCode") == 200 && !a.containsKey("error")), "no earlier success: " + delivery);
    }

    private static JsonObject deliveryOf(List<JsonObject> deliveries, String id) {
        return deliveries.stream().filter(d -> d.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no delivery " + id));
    }

    private static List<JsonObject> deliveries(JsonObject hook) {
        return admin.get("/admin/webhooks/" + hook.getString("id") + "/deliveries?limit=100").expect(200).objects();
    }

    private static List<JsonObject> awaitAllDelivered(JsonObject hook, int count, Duration within) {
        var deadline = System.nanoTime() + within.toNanos();
        List<JsonObject> last = List.of();
        while (System.nanoTime() < deadline) {
            last = deliveries(hook);
            if (last.size() == count && last.stream().allMatch(d -> d.getString("status").equals("DELIVERED"))) {
                return last;
            }
            assertFalse(last.stream().anyMatch(d -> d.getString("status").equals("FAILED")),
                    "given up: " + last);
            WebhookReceiver.sleep(250);
        }
        throw new AssertionError("not all delivered within " + within + ": " + last);
    }

    private static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static void sleepUntil(Instant when) {
        var millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) WebhookReceiver.sleep(millis);
    }

    /**
     * Server.xml variables of the running IT server, in a configDropins/overrides file: Liberty applies them without
     * a restart (and MicroProfile Config sees them above the environment); waits until the server says so.
     */
    static final class ServerVariables {

        private final Path file;
        private final Path log;

        ServerVariables(Path serverDir, String fileName) {
            assertNotNull(serverDir, "orden.it.pluginsDir names the IT server's directory");
            this.file = serverDir.resolve("configDropins/overrides").resolve(fileName);
            this.log = serverDir.resolve("logs/messages.log");
        }

        void set(Map<String, String> values) {
            var xml = new StringBuilder("<server>\n");
            new LinkedHashMap<>(values).forEach((name, value) -> xml.append("  <variable name=\"").append(name)
                    .append("\" value=\"").append(value).append("\"/>\n"));
            xml.append("</server>\n");
            applying(() -> Files.writeString(file, xml));
        }

        void remove() {
            applying(() -> Files.deleteIfExists(file));
        }

        private interface Change {
            void run() throws IOException;
        }

        /** Makes the change and waits (at most 30 s) for the server's "configuration … updated" message. */
        private void applying(Change change) {
            try {
                int before = updates();
                change.run();
                var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (updates() == before) {
                    if (System.nanoTime() > deadline) throw new AssertionError("the server did not apply " + file);
                    WebhookReceiver.sleep(200);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** CWWKG0017I (updated) and CWWKG0018I (no functional change) both mean the file was read. */
        private int updates() throws IOException {
            try (var lines = Files.lines(log)) {
                return (int) lines.filter(l -> l.contains("CWWKG0017I") || l.contains("CWWKG0018I")).count();
            }
        }
    }
}
