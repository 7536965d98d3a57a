package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end, in a tenant of their own (so that every delivery is of this class's orders), against a
 * receiver in this JVM that checks signatures. The IT server retries after 1 s, gives up after 3 attempts and
 * disables a webhook after 3 failed deliveries in a row (app/src/it/liberty/config/server.env).
 */
class WebhooksIT {

    private static final String PASSWORD = "webhooks-pass-123";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RULE = """
            function rule(input) {
              if (!input.order.title.startsWith('rule ')) return [];
              return [{type: 'webhook', name: 'rules-hook', payload: {title: input.order.title, n: 1}},
                      {type: 'webhook', name: 'nobody', payload: {}},
                      {type: 'webhook', name: 'rules-hook', payload: 'not an object'}];
            }""";

    private static final String DIGEST = """
            function rule(input) {
              return [{type: 'webhook', name: 'rules-hook', payload: {kind: 'weekly'}},
                      {type: 'webhook', name: 'missing'}];
            }""";

    private static final String NOTIFY = """
            function rule(input) {
              if (!input.order.title.startsWith('notify by webhook')) return [];
              return [{type: 'notify', to: input.actor.id, template: 'assigned', channel: 'webhook'}];
            }""";

    static String slug;
    static String email;
    static UUID tenant;
    static Api admin;
    static WebhookReceiver receiver;

    @BeforeAll
    static void aTenantOfItsOwnAndAReceiver() {
        slug = It.unique("hooks");
        email = slug + "-admin@webhooks.test";
        var signup = Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .post("/signup", Json.createObjectBuilder().add("company", "Hooks " + slug).add("slug", slug)
                        .add("adminEmail", email).add("adminName", "Hana Hooks").add("password", PASSWORD).build())
                .expect(201).json();
        tenant = UUID.fromString(signup.getString("tenantId"));
        admin = Api.as(email, PASSWORD);
        admin.me();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        if (receiver != null) receiver.close();
        if (slug == null) return;
        KcAdmin.forgetTenant(slug, java.util.List.of(email));
    }

    /** Each test's webhooks go with it, so that the next test's orders reach only its own. */
    @AfterEach
    void deleteWebhooks() {
        admin.get("/admin/webhooks").expect(200).objects()
                .forEach(w -> admin.send("DELETE", "/admin/webhooks/" + w.getString("id"), null, null, Map.of())
                        .expect(204));
    }

    private static JsonObject webhook(String name, String path, String... events) {
        var list = Json.createArrayBuilder();
        for (var event : events) list.add(event);
        var res = admin.post("/admin/webhooks", Json.createObjectBuilder().add("name", name)
                .add("url", receiver.url(path)).add("events", list).build()).expect(201);
        assertTrue(res.header("Location").orElse("").endsWith("/admin/webhooks/" + res.json().getString("id")));
        return res.json();
    }

    private static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static Predicate<WebhookReceiver.Received> ofOrder(JsonObject order) {
        return r -> {
            var json = parse(r.body());
            return !json.isNull("order") && json.getJsonObject("order").getString("id").equals(order.getString("id"));
        };
    }

    private static List<JsonObject> deliveries(JsonObject webhook) {
        return admin.get("/admin/webhooks/" + webhook.getString("id") + "/deliveries").expect(200).objects();
    }

    private static JsonObject delivery(JsonObject webhook, String id) {
        return deliveries(webhook).stream().filter(d -> d.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no delivery " + id + " of " + webhook.getString("name")));
    }

    private static JsonObject awaitSettled(JsonObject webhook, String deliveryId) {
        var deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var delivery = delivery(webhook, deliveryId);
            if (!delivery.getString("status").equals("PENDING")) return delivery;
            WebhookReceiver.sleep(200);
        }
        throw new AssertionError("delivery " + deliveryId + " still pending: " + delivery(webhook, deliveryId));
    }

    private static JsonObject get(JsonObject webhook) {
        return admin.get("/admin/webhooks/" + webhook.getString("id")).expect(200).json();
    }

    @Test
    void anOrderChangeIsDeliveredOnceSignedWithItsIdAsIdempotencyKey() {
        var hook = webhook("orders", "/orders", "workorder.created");
        var secret = hook.getString("secret");
        assertTrue(secret.startsWith("whsec_"), hook.toString());
        assertFalse(get(hook).containsKey("secret"), "the secret is shown only when it is made");
        assertFalse(admin.get("/admin/webhooks").expect(200).objects().getFirst().containsKey("secret"));
        assertEquals(0, Db.countAs(tenant, "SELECT count(*) FROM webhook WHERE secret LIKE '%' || ? || '%'",
                secret.substring(6)), "stored encrypted");

        var order = create(admin, It.unique("delivered"));
        var got = receiver.await("/orders", ofOrder(order), 1, WAIT).getFirst();
        var body = parse(got.body());
        assertTrue(WebhookReceiver.signedWith(got, secret), got.header("Orden-Signature"));
        assertFalse(WebhookReceiver.signedWith(got, "whsec_someone-else"));
        assertEquals(body.getString("id"), got.header("Idempotency-Key"));
        assertEquals(body.getString("id"), got.header("Orden-Delivery"));
        assertEquals("workorder.created", got.header("Orden-Event"));
        assertEquals("1", got.header("Orden-Attempt"));
        assertTrue(got.header("Content-Type").startsWith("application/json"));
        assertEquals("workorder.created", body.getString("event"));
        assertEquals(slug, body.getString("tenant"));
        assertEquals(order.getString("number"), body.getJsonObject("order").getString("number"));
        assertEquals("CREATED", body.getJsonObject("change").getJsonArray("entries").getJsonObject(0)
                .getString("kind"));

        var delivery = awaitSettled(hook, body.getString("id"));
        assertEquals("DELIVERED", delivery.getString("status"));
        assertEquals(1, delivery.getInt("attemptCount"));
        assertEquals(200, delivery.getJsonArray("attempts").getJsonObject(0).getInt("statusCode"));
        assertTrue(delivery.getJsonArray("attempts").getJsonObject(0).containsKey("durationMillis"));
        WebhookReceiver.sleep(2500);
        assertEquals(1, receiver.on("/orders", ofOrder(order)).size(), "delivered once");
        assertEquals(1, deliveries(hook).size(), "an event it does not subscribe to is not sent");
    }

    @Test
    void aRotatedSecretSignsAndTheOldOneStillDoesForAWhileAndAPingTriesTheReceiver() {
        var hook = webhook("rotated", "/rotated", "workorder.created");
        var old = hook.getString("secret");
        var rotated = admin.post("/admin/webhooks/" + hook.getString("id") + "/secret", JsonValue.EMPTY_JSON_OBJECT)
                .expect(200).json();
        var secret = rotated.getString("secret");
        assertNotEquals(old, secret);
        assertTrue(rotated.containsKey("previousSecretValidUntil"));
        var order = create(admin, It.unique("rotated"));
        var got = receiver.await("/rotated", ofOrder(order), 1, WAIT).getFirst();
        assertTrue(WebhookReceiver.signedWith(got, secret));
        assertTrue(WebhookReceiver.signedWith(got, old));

        var ping = admin.post("/admin/webhooks/" + hook.getString("id") + "/ping", JsonValue.EMPTY_JSON_OBJECT)
                .expect(202).json();
        assertEquals("webhook.ping", ping.getString("event"));
        var pinged = receiver.await("/rotated", r -> ping.getString("id").equals(r.header("Idempotency-Key")), 1,
                WAIT).getFirst();
        assertEquals("rotated", parse(pinged.body()).getJsonObject("change").getString("webhook"));
        assertTrue(parse(pinged.body()).isNull("order"));
        assertTrue(WebhookReceiver.signedWith(pinged, secret));
    }

    @Test
    void aServerErrorIsRetriedWithTheSameIdempotencyKeyUntilDelivered() {
        receiver.answer("/flaky", 200, 500);
        var hook = webhook("flaky", "/flaky", "workorder.created");
        var order = create(admin, It.unique("flaky"));
        var got = receiver.await("/flaky", ofOrder(order), 2, WAIT);
        assertEquals(got.get(0).header("Idempotency-Key"), got.get(1).header("Idempotency-Key"));
        assertEquals(got.get(0).body(), got.get(1).body(), "the same body every attempt");
        assertEquals(List.of("1", "2"), got.stream().map(r -> r.header("Orden-Attempt")).toList());
        assertTrue(WebhookReceiver.signedWith(got.get(1), hook.getString("secret")));
        assertTrue(Duration.between(got.get(0).at(), got.get(1).at()).toMillis() >= 900, "after the backoff");

        var delivery = awaitSettled(hook, got.get(0).header("Idempotency-Key"));
        assertEquals("DELIVERED", delivery.getString("status"));
        assertEquals(List.of(500, 200), delivery.getJsonArray("attempts").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getInt("statusCode")).toList());
        assertEquals("HTTP 500", delivery.getJsonArray("attempts").getJsonObject(0).getString("error"));
        assertEquals(0, get(hook).getInt("consecutiveFailures"));
    }

    @Test
    void aClientErrorIsNotRetriedAndAnAdminCanRedeliverIt() {
        receiver.answer("/gone", 200, 410);
        var hook = webhook("gone", "/gone", "workorder.created");
        var order = create(admin, It.unique("gone"));
        var first = receiver.await("/gone", ofOrder(order), 1, WAIT).getFirst();
        var id = first.header("Idempotency-Key");
        var failed = awaitSettled(hook, id);
        assertEquals("FAILED", failed.getString("status"));
        assertEquals(410, failed.getInt("lastStatusCode"));
        assertEquals(1, failed.getInt("attemptCount"));
        assertFalse(failed.containsKey("nextAttemptAt"));
        WebhookReceiver.sleep(2500);
        assertEquals(1, receiver.on("/gone", ofOrder(order)).size(), "a 4xx is final");
        assertEquals(1, get(hook).getInt("consecutiveFailures"));

        var path = "/admin/webhooks/" + hook.getString("id") + "/deliveries/" + id + "/redeliver";
        assertEquals("PENDING", admin.post(path, JsonValue.EMPTY_JSON_OBJECT).expect(202).json().getString("status"));
        var again = receiver.await("/gone", ofOrder(order), 2, WAIT).get(1);
        assertEquals(id, again.header("Idempotency-Key"), "redelivered under the same key");
        assertEquals("2", again.header("Orden-Attempt"));
        assertEquals("DELIVERED", awaitSettled(hook, id).getString("status"));
        assertEquals(0, get(hook).getInt("consecutiveFailures"));
        admin.post(path.replace(id, UUID.randomUUID().toString()), JsonValue.EMPTY_JSON_OBJECT)
                .problem(404, "not-found");
    }

    @Test
    void aDeliveryIsGivenUpAfterNAttemptsAndTheWebhookDisabledAfterMFailuresInARow() {
        receiver.answer("/down", 503);
        var hook = webhook("down", "/down", "workorder.created");
        var first = create(admin, It.unique("down 1"));
        var second = create(admin, It.unique("down 2"));
        for (var order : List.of(first, second)) {
            var got = receiver.await("/down", ofOrder(order), 3, WAIT);
            var delivery = awaitSettled(hook, got.getFirst().header("Idempotency-Key"));
            assertEquals("FAILED", delivery.getString("status"));
            assertEquals(3, delivery.getInt("attemptCount"));
            assertEquals("gave up after 3 attempts: HTTP 503", delivery.getString("lastError"));
        }
        WebhookReceiver.sleep(1500);
        assertEquals(3, receiver.on("/down", ofOrder(first)).size(), "never a fourth attempt");
        var after2 = get(hook);
        assertTrue(after2.getBoolean("active"), "two failures in a row are not yet three: " + after2);
        assertEquals(2, after2.getInt("consecutiveFailures"));

        var third = create(admin, It.unique("down 3"));
        receiver.await("/down", ofOrder(third), 3, WAIT);
        var deadline = System.nanoTime() + WAIT.toNanos();
        while (get(hook).getBoolean("active") && System.nanoTime() < deadline) WebhookReceiver.sleep(200);
        var disabled = get(hook);
        assertFalse(disabled.getBoolean("active"), disabled.toString());
        assertTrue(disabled.getString("disabledReason").contains("3 failed deliveries in a row"), disabled.toString());
        var told = admin.get("/notifications?limit=100").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(n -> n.getString("kind").equals("webhook_disabled"))
                .toList();
        assertEquals(1, told.size(), told.toString());
        assertTrue(told.getFirst().getString("title").contains("'down'"));

        var quiet = create(admin, It.unique("down 4"));
        WebhookReceiver.sleep(2000);
        assertEquals(List.of(), receiver.on("/down", ofOrder(quiet)), "a disabled webhook gets nothing");
        assertEquals(3, deliveries(hook).size());
        var anyId = deliveries(hook).getFirst().getString("id");
        admin.post("/admin/webhooks/" + hook.getString("id") + "/deliveries/" + anyId + "/redeliver",
                JsonValue.EMPTY_JSON_OBJECT).problem(409, "conflict");
        admin.post("/admin/webhooks/" + hook.getString("id") + "/ping", JsonValue.EMPTY_JSON_OBJECT)
                .problem(409, "conflict");

        var enabled = admin.patch("/admin/webhooks/" + hook.getString("id"),
                Json.createObjectBuilder().add("active", true).build(), null).expect(200).json();
        assertTrue(enabled.getBoolean("active"));
        assertEquals(0, enabled.getInt("consecutiveFailures"));
        assertFalse(enabled.containsKey("disabledReason"));
    }

    @Test
    void aFlowRulesWebhookEffectIsDeliveredEvenWithoutAnOrderAndAnUnknownOrDisabledWebhookRefused() {
        var rules = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "tell_crm").add("name", "CRM")
                        .add("events", Json.createArrayBuilder().add("workorder.created")).add("source", RULE))
                .add(Json.createObjectBuilder().add("key", "digest").add("name", "Digest")
                        .add("events", Json.createArrayBuilder().add("schedule")).add("schedule", "0 7 * * 1")
                        .add("source", DIGEST));
        Configs.publish(admin, withRules(rules));
        var hook = webhook("rules-hook", "/rules", "sla.breached");
        var order = create(admin, It.unique("rule for the crm"));
        var got = receiver.await("/rules", ofOrder(order), 1, WAIT).getFirst();
        var body = parse(got.body());
        assertEquals("rule.webhook", body.getString("event"));
        assertEquals("tell_crm", body.getJsonObject("change").getString("rule"));
        assertEquals(order.getString("title"), body.getJsonObject("change").getJsonObject("payload")
                .getString("title"));
        assertTrue(WebhookReceiver.signedWith(got, hook.getString("secret")));

        var trace = admin.get("/workorders/" + order.getString("id") + "/rule-traces").expect(200).objects()
                .stream().filter(t -> t.getString("rule").equals("tell_crm")).findFirst().orElseThrow();
        var effects = trace.getJsonArray("effects").getValuesAs(JsonObject.class);
        assertEquals(List.of("applied", "refused", "refused"), effects.stream().map(e -> e.getString("status"))
                .toList());
        assertTrue(effects.get(1).getString("reason").contains("no webhook named 'nobody'"));
        assertTrue(effects.get(2).getString("reason").contains("'payload' must be a JSON object"));

        var digest = admin.post("/admin/rules/digest/run", JsonValue.EMPTY_JSON_OBJECT).expect(200).json();
        assertEquals(List.of("applied", "refused"), digest.getJsonArray("effects").getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("status")).toList(), digest.toString());
        var weekly = parse(receiver.await("/rules", r -> parse(r.body()).isNull("order"), 1, WAIT).getFirst().body());
        assertEquals("digest", weekly.getJsonObject("change").getString("rule"));
        assertEquals("weekly", weekly.getJsonObject("change").getJsonObject("payload").getString("kind"));

        admin.patch("/admin/webhooks/" + hook.getString("id"), Json.createObjectBuilder().add("active", false).build(),
                null).expect(200);
        var later = create(admin, It.unique("rule while disabled"));
        var refused = admin.get("/workorders/" + later.getString("id") + "/rule-traces").expect(200).objects()
                .stream().filter(t -> t.getString("rule").equals("tell_crm")).findFirst().orElseThrow();
        assertTrue(refused.getJsonArray("effects").getJsonObject(0).getString("reason").contains("disabled"),
                refused.toString());
        Configs.publish(admin, withRules(Json.createArrayBuilder()));
    }

    @Test
    void aNotificationRoutedToTheWebhookChannelReachesTheWebhooksSubscribedToNotifications() {
        var rules = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "tell_me").add("name", "Tell me")
                .add("events", Json.createArrayBuilder().add("workorder.created")).add("source", NOTIFY));
        Configs.publish(admin, withRules(rules));
        var chat = webhook("chat", "/chat", "notification");
        webhook("orders-only", "/orders-only", "workorder.created");
        var order = create(admin, It.unique("notify by webhook"));
        var got = receiver.await("/chat", ofOrder(order), 1, WAIT).getFirst();
        var body = parse(got.body());
        assertEquals("notification", body.getString("event"));
        assertTrue(WebhookReceiver.signedWith(got, chat.getString("secret")));
        var message = body.getJsonObject("change");
        assertEquals(email, message.getJsonObject("recipient").getString("email"));
        assertEquals("en", message.getString("language"));
        assertTrue(message.getString("subject").contains(order.getString("number")), message.toString());
        assertTrue(message.getString("text").contains(order.getString("title")), message.toString());
        assertTrue(receiver.on("/orders-only", r -> parse(r.body()).getString("event").equals("notification"))
                .isEmpty(), "only webhooks subscribed to notifications get them");
        Configs.publish(admin, withRules(Json.createArrayBuilder()));
    }

    @Test
    void anotherTenantNeitherSeesNorTouchesAWebhook() {
        var hook = webhook("private", "/private", "workorder.created");
        var path = "/admin/webhooks/" + hook.getString("id");
        var acme = Api.as(It.ACME_ADMIN);
        acme.get(path).problem(404, "not-found");
        acme.get(path + "/deliveries").problem(404, "not-found");
        acme.patch(path, Json.createObjectBuilder().add("active", false).build(), null).problem(404, "not-found");
        acme.post(path + "/secret", JsonValue.EMPTY_JSON_OBJECT).problem(404, "not-found");
        acme.send("DELETE", path, null, null, Map.of()).problem(404, "not-found");
        assertTrue(acme.get("/admin/webhooks").expect(200).objects().stream()
                .noneMatch(w -> w.getString("id").equals(hook.getString("id"))));
        Api.as(It.ACME_DISPATCHER).get("/admin/webhooks").expect(403);
        assertTrue(get(hook).getBoolean("active"), "untouched");
    }

    @Test
    void badInputIsAProblemNamingEachField() {
        var fields = admin.post("/admin/webhooks", Json.createObjectBuilder().add("name", "Not A Name")
                .add("url", "ftp://example.com/x").add("events", Json.createArrayBuilder().add("workorder.created")
                        .add("order.exploded")).add("active", "yes").add("colour", "red").build()).invalidFields();
        assertEquals(Set.of("name", "url", "events[1]", "active", "colour"), fields);
        assertEquals(Set.of("name", "url", "events"), admin.post("/admin/webhooks", JsonValue.EMPTY_JSON_OBJECT)
                .invalidFields());
        assertEquals(Set.of("url"), admin.post("/admin/webhooks", Json.createObjectBuilder().add("name", "creds")
                .add("url", "https://user:pw@example.com/").add("events", Json.createArrayBuilder()
                        .add("comment.added")).build()).invalidFields());

        var hook = webhook("taken", "/taken", "comment.added");
        admin.post("/admin/webhooks", Json.createObjectBuilder().add("name", "taken").add("url", receiver.url("/x"))
                .add("events", Json.createArrayBuilder().add("comment.added")).build()).problem(409, "conflict");
        assertEquals(Set.of("events"), admin.patch("/admin/webhooks/" + hook.getString("id"),
                Json.createObjectBuilder().add("events", Json.createArrayBuilder()).build(), null).invalidFields());
        admin.get("/admin/webhooks/not-an-id").problem(404, "not-found");
        admin.get("/admin/webhooks/" + hook.getString("id") + "/deliveries?limit=0").problem(422, "validation");
        admin.get("/admin/webhooks/" + hook.getString("id") + "/deliveries?status=lost").problem(422, "validation");

        var renamed = admin.patch("/admin/webhooks/" + hook.getString("id"), Json.createObjectBuilder()
                .add("name", "renamed").add("events", Json.createArrayBuilder().add("workorder.updated")
                        .add("workorder.updated")).build(), null).expect(200).json();
        assertEquals("renamed", renamed.getString("name"));
        assertEquals(List.of("workorder.updated"), renamed.getJsonArray("events").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }

    private static JsonObject withRules(JsonArrayBuilder rules) {
        var bundle = Configs.active(admin).getJsonObject("bundle");
        return Json.createObjectBuilder(bundle).add("rules", rules).build();
    }
}
