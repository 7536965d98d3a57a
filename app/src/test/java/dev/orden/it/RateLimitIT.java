package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rate limit (docs/security.md) as a client meets it: a 429 problem with {@code Retry-After}, served again once
 * that time has passed, and another client address or tenant served all along. The limits are the test server's
 * (app/src/it/liberty/config/server.env): per address ones reached from a loopback address of each test's own, per
 * tenant ones on two tenants signed up here whose slugs the server gives a low quota.
 */
class RateLimitIT {

    static final String PASSWORD = "quota-pass-1";
    static final String PORT = System.getProperty("orden.it.httpPort", "9081");
    static final String FLOOD = "quota-flood-" + PORT;
    static final String RULES = "quota-rules-" + PORT;

    static Api flood;
    static Api rules;

    @BeforeAll
    static void signUpTheLimitedTenants() {
        It.awaitReady();
        forget();
        flood = signUp(FLOOD);
        rules = signUp(RULES);
    }

    @AfterAll
    static void forget() {
        for (var slug : List.of(FLOOD, RULES)) KcAdmin.forgetTenant(slug, List.of(email(slug)));
    }

    private static String email(String slug) {
        return slug + "-admin@quota.test";
    }

    private static Api signUp(String slug) {
        fromOwnAddress().post("/signup", Json.createObjectBuilder().add("company", "Quota " + slug).add("slug", slug)
                .add("adminEmail", email(slug)).add("adminName", "Quinn Quota").add("password", PASSWORD).build())
                .expect(201);
        return Api.as(email(slug), PASSWORD);
    }

    private static Api fromOwnAddress() {
        return Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)));
    }

    /** Asserts a 429 rate-limited problem and returns its Retry-After, at most {@code max} seconds. */
    private static long limited(Res res, long max) {
        res.problem(429, "rate-limited");
        var retryAfter = Long.parseLong(res.header("Retry-After")
                .orElseThrow(() -> new AssertionError("no Retry-After: " + res.describe())));
        assertTrue(retryAfter >= 1 && retryAfter <= max, "Retry-After " + retryAfter + ": " + res.describe());
        return retryAfter;
    }

    /**
     * Calls {@code request} a few times at once after a refusal: each is refused, or (a token came back meanwhile on a
     * slow machine) answered with {@code status}; at least one is refused.
     */
    private static void stillLimited(int status, Supplier<Res> request) {
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            var res = request.get();
            if (res.status() == 429) {
                limited(res, 6);
                refused++;
            } else {
                assertEquals(status, res.status(), res.describe());
            }
        }
        assertTrue(refused > 0, "none of 5 requests was refused");
    }

    /**
     * Calls {@code request} until it is refused (tokens come back meanwhile on a slow machine, so not necessarily at
     * {@code capacity + 1}), asserting that at least the first {@code capacity} were answered with {@code status}.
     */
    private static Res untilLimited(int capacity, int status, Supplier<Res> request) {
        for (int i = 1; i <= 4 * capacity; i++) {
            var res = request.get();
            if (res.status() == 429) {
                assertTrue(i > capacity, "refused at request " + i + " of a capacity of " + capacity);
                return res;
            }
            assertEquals(status, res.status(), "request " + i + ": " + res.describe());
        }
        throw new AssertionError("never limited in " + 4 * capacity + " requests");
    }

    private static void sleep(long seconds) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(seconds * 1000 + 100);
    }

    @Test
    void signUpAllowsTenAttemptsPerAddressThenWaitsForTheNextToken() throws Exception {
        var limited = fromOwnAddress();
        var retryAfter = limited(untilLimited(10, 422, () -> limited.post("/signup", JsonValue.EMPTY_JSON_OBJECT)), 6);

        fromOwnAddress().post("/signup", JsonValue.EMPTY_JSON_OBJECT).expect(422);
        sleep(retryAfter);
        limited.post("/signup", JsonValue.EMPTY_JSON_OBJECT).expect(422);
        stillLimited(422, () -> limited.post("/signup", JsonValue.EMPTY_JSON_OBJECT));
    }

    /**
     * X-Forwarded-For names the client only when a trusted proxy sends it (the test server trusts 127.0.0.77 alone,
     * ORDEN_TRUSTED_PROXIES in server.env): anyone else is counted by the address it connects from whatever it claims,
     * and behind the proxy each client is counted on its own, by the right-most address the proxy did not add.
     */
    @Test
    void forwardedForNamesTheClientOnlyFromATrustedProxy() {
        var n = new AtomicInteger();
        Supplier<String> spoofed = () -> "198.51.100." + (n.incrementAndGet() % 250 + 1);
        var direct = fromOwnAddress();
        limited(untilLimited(10, 422, () -> signUpAttempt(direct, spoofed.get())), 6);

        var proxy = Api.anonymous(Http.fromLoopback(0, 77));
        var client = "203.0.113." + It.randomBetween(1, 254);
        limited(untilLimited(10, 422, () -> signUpAttempt(proxy, spoofed.get() + ", " + client)), 6);
        signUpAttempt(proxy, "203.0.113.255").expect(422);
        direct.post("/signup", JsonValue.EMPTY_JSON_OBJECT).problem(429, "rate-limited");
    }

    private static Res signUpAttempt(Api from, String forwardedFor) {
        return from.send("POST", "/signup", Api.JSON, "{}", java.util.Map.of("X-Forwarded-For", forwardedFor));
    }

    @Test
    void theRatingLinkIsLimitedPerAddressWhetherTheTokenIsGoodOrNot() throws Exception {
        var guesser = fromOwnAddress();
        var retryAfter = limited(untilLimited(100, 404,
                () -> guesser.get("/csat/guess-" + It.randomBetween(1, 1_000_000))), 1);
        stillLimited(404, () -> guesser.send("POST", "/csat/guess", Api.JSON, "{\"score\":5}", java.util.Map.of()));

        fromOwnAddress().get("/csat/guess").expect(404);
        sleep(retryAfter);
        guesser.get("/csat/guess").expect(404);
    }

    @Test
    void everyOtherEndpointWithoutATokenSharesThePublicLimit() throws Exception {
        var client = fromOwnAddress();
        var n = new AtomicInteger();
        var retryAfter = limited(untilLimited(300, 200,
                () -> client.get(n.incrementAndGet() % 2 == 0 ? "/portal/config" : "/config/schema/fields")), 1);
        stillLimited(200, () -> client.get("/config/schema/fields"));

        fromOwnAddress().get("/portal/config").expect(200);
        sleep(retryAfter);
        client.get("/config/schema/fields").expect(200);
    }

    @Test
    void aTenantThatFloodsGets429WhileAnotherTenantIsServed() throws Exception {
        var other = Api.as(It.ACME_AGENT);
        other.get("/me").expect(200);
        var refused = new ConcurrentLinkedQueue<Res>();
        var accepted = new AtomicInteger();
        var stop = new AtomicBoolean();
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int otherServed = 0;
        try (var pool = Executors.newFixedThreadPool(16)) {
            var flooding = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int c = 0; c < 16; c++) {
                flooding.add(pool.submit(() -> {
                    while (!stop.get() && System.nanoTime() < deadline) {
                        var res = flood.get("/me");
                        if (res.status() == 200) accepted.incrementAndGet();
                        else refused.add(res);
                    }
                    return null;
                }));
            }
            // While the flood is being refused, the other tenant is answered as ever.
            while (System.nanoTime() < deadline && otherServed < 10) {
                other.get("/me").expect(200);
                if (!refused.isEmpty()) otherServed++;
            }
            stop.set(true);
            for (var f : flooding) f.get();
        }
        assertEquals(10, otherServed, "the flood was never limited (" + accepted.get() + " accepted)");
        long retryAfter = 0;
        for (var res : refused) retryAfter = Math.max(retryAfter, limited(res, 1));
        assertTrue(accepted.get() >= 20, "the tenant's burst was served: " + accepted.get());

        sleep(retryAfter);
        flood.get("/me").expect(200);
    }

    @Test
    void ruleRunsAreLimitedPerTenant() throws Exception {
        var retryAfter = limited(untilLimited(3, 422,
                () -> rules.post("/admin/rules/dry-run", JsonValue.EMPTY_JSON_OBJECT)), 1);
        stillLimited(404, () -> rules.post("/admin/rules/ghost/run", JsonValue.EMPTY_JSON_OBJECT));
        rules.get("/me").expect(200);

        Api.as(It.ACME_ADMIN).post("/admin/rules/dry-run", JsonValue.EMPTY_JSON_OBJECT).expect(422);
        sleep(retryAfter);
        rules.post("/admin/rules/ghost/run", JsonValue.EMPTY_JSON_OBJECT).problem(404, "not-found");
    }
}
