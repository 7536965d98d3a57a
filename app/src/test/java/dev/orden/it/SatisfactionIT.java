package dev.orden.it;

import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.move;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.csat.CsatToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Satisfaction ratings (CSAT) over HTTP: the requester of a completed order rates it once in the portal's API, or
 * through the signed link of the completion e-mail (GreenMail, {@link Mailbox}) without signing in; who else may
 * not; expired, tampered and reused links; the history entry, a {@code csat.received} flow rule acme gets here
 * (rolled back afterwards), and the numbers of the reports summary.
 */
class SatisfactionIT {

    private static final Duration MAIL = Duration.ofSeconds(40);
    private static final Pattern LINK = Pattern.compile("/portal/rate/([A-Za-z0-9_-]+~[A-Za-z0-9_-]+)");
    /** The server's default signing secret (orden.csat.secret is not set for the tests). */
    private static final byte[] DEV_SECRET = "orden-dev-csat-secret-change-me".getBytes(StandardCharsets.UTF_8);

    static final Api admin = Api.as(It.ACME_ADMIN);
    static final Api dispatcher = Api.as(It.ACME_DISPATCHER);
    static final Api agent = Api.as(It.ACME_AGENT);
    static final Api requester = Api.as(It.ACME_REQUESTER);
    static final Api globexRequester = Api.as(It.GLOBEX_REQUESTER);
    static int versionBefore;

    @BeforeAll
    static void mailboxAndALowRatingRule() {
        Mailbox.start();
        var active = Configs.active(admin);
        versionBefore = active.getInt("version");
        var bundle = active.getJsonObject("bundle");
        var rules = Json.createArrayBuilder(bundle.getJsonArray("rules")).add(Json.createObjectBuilder()
                .add("key", "low_csat").add("name", "Low ratings go up").add("events",
                        Json.createArrayBuilder().add("csat.received")).add("order", 100).add("mode", "active")
                .add("onError", "skip").add("source", """
                        function rule(input) {
                          return input.change.csat.score <= 2 ? [{type: 'priority', priority: 'URGENT'}] : [];
                        }"""));
        publish(Json.createObjectBuilder(bundle).add("rules", rules).build());
    }

    /** Publishes the bundle; a draft whose rule tests ran out of time on a loaded machine is checked again. */
    private static void publish(JsonObject bundle) {
        for (int attempt = 1; attempt < 3; attempt++) {
            var draft = admin.send("PUT", "/admin/config/draft", Api.JSON, bundle.toString(), Map.of()).expect(200)
                    .json();
            if (draft.getBoolean("valid") || !draft.toString().contains("TIMEOUT")) break;
        }
        Configs.publish(admin, bundle);
    }

    @AfterAll
    static void rollBack() {
        Configs.rollback(admin, versionBefore);
        Mailbox.stop();
    }

    @Test
    void theRequesterRatesACompletedOrderOnceAndOnlyThey() {
        var open = create(requester, order(It.unique("csat open")));
        rate(requester, open.getString("number"), 5, null).problem(409, "conflict");

        var ref = completed(It.unique("csat portal")).getString("number");
        requester.get("/workorders/" + ref + "/satisfaction").problem(404, "not-found");
        assertEquals(Map.of("score", "is required"), errors(rate(requester, ref, null, "no score")));
        assertEquals(Map.of("score", "must be from 1 to 5"), errors(rate(requester, ref, 6, null)));
        rate(agent, ref, 4, null).problem(403, "forbidden");
        rate(globexRequester, ref, 4, null).problem(404, "not-found");
        globexRequester.get("/workorders/" + ref + "/satisfaction").problem(404, "not-found");

        var rating = rate(requester, ref, 4, "  Puntuales y amables ").expect(201).json();
        assertEquals(4, rating.getInt("score"));
        assertEquals("Puntuales y amables", rating.getString("comment"));
        assertEquals("portal", rating.getString("via"));
        assertEquals(requester.id(), rating.getJsonObject("ratedBy").getString("id"));
        rate(requester, ref, 1, "changed my mind").problem(409, "conflict");

        var read = agent.get("/workorders/" + ref + "/satisfaction").expect(200).json();
        assertEquals(4, read.getInt("score"));
        var entry = history(requester, ref).stream().filter(e -> e.getString("kind").equals("RATED")).toList();
        assertEquals(1, entry.size(), "one history entry, visible to the requester");
        assertEquals("4", entry.getFirst().getString("to"));
        assertEquals("Puntuales y amables", entry.getFirst().getString("comment"));
        assertEquals(requester.id(), entry.getFirst().getJsonObject("actor").getString("id"));
        assertEquals("NORMAL", get(agent, ref).getString("priority"), "the low-rating rule left a 4 alone");
    }

    @Test
    void theCompletionMailsLinkRatesWithoutSigningInOnceAndFiresTheRule() {
        var order = completed(It.unique("csat link"));
        var ref = order.getString("number");
        var mail = Mailbox.await(It.ACME_REQUESTER, ref + " está lista", MAIL);
        var matcher = LINK.matcher(mail.text());
        assertTrue(matcher.find(), "the completion mail carries the rating link: " + mail.text());
        var token = matcher.group(1);

        var anonymous = Api.anonymous();
        var shown = anonymous.get("/csat/" + token).expect(200).json();
        assertEquals(ref, shown.getString("number"));
        assertTrue(shown.getBoolean("completed"));
        assertTrue(!shown.containsKey("rating") || shown.isNull("rating"), shown.toString());
        assertEquals(Map.of("score", "must be a whole number from 1 to 5"),
                errors(anonymous.post("/csat/" + token, Json.createObjectBuilder().add("score", "two").build())));

        var rating = anonymous.post("/csat/" + token, Json.createObjectBuilder().add("score", 2)
                .add("comment", "Tardaron mucho").build()).expect(201).json();
        assertEquals("link", rating.getString("via"));
        assertEquals(requester.id(), rating.getJsonObject("ratedBy").getString("id"), "rated as the requester");
        anonymous.post("/csat/" + token, Json.createObjectBuilder().add("score", 5).build())
                .problem(409, "conflict");
        requester.post("/workorders/" + ref + "/satisfaction", Json.createObjectBuilder().add("score", 5).build())
                .problem(409, "conflict");
        assertEquals(2, anonymous.get("/csat/" + token).expect(200).json().getJsonObject("rating").getInt("score"));

        var after = get(agent, ref);
        assertEquals("URGENT", after.getString("priority"), "csat.received fired the low-rating rule");
        var traces = agent.get("/workorders/" + ref + "/rule-traces").expect(200).objects();
        assertTrue(traces.stream().anyMatch(t -> t.getString("rule").equals("low_csat")
                && t.getString("event").equals("csat.received")), traces.toString());
    }

    @Test
    void expiredTamperedAndOtherTenantsLinksAreRefused() {
        var order = completed(It.unique("csat refused"));
        var acme = Db.tenantIds().get("acme");
        var globex = Db.tenantIds().get("globex");
        var orderId = java.util.UUID.fromString(order.getString("id"));
        var anonymous = Api.anonymous();
        var body = Json.createObjectBuilder().add("score", 3).build();

        var expired = new CsatToken(acme, orderId, Instant.now().minusSeconds(5)).sign(DEV_SECRET);
        anonymous.get("/csat/" + expired).problem(410, "gone");
        anonymous.post("/csat/" + expired, body).problem(410, "gone");

        var valid = new CsatToken(acme, orderId, Instant.now().plusSeconds(600)).sign(DEV_SECRET);
        var otherPayload = new CsatToken(globex, orderId, Instant.now().plusSeconds(600)).sign(DEV_SECRET);
        var tampered = otherPayload.substring(0, otherPayload.indexOf('~')) + valid.substring(valid.indexOf('~'));
        anonymous.post("/csat/" + tampered, body).problem(404, "not-found");
        var wrongKey = new CsatToken(acme, orderId, Instant.now().plusSeconds(600)).sign("guess".getBytes());
        anonymous.post("/csat/" + wrongKey, body).problem(404, "not-found");
        anonymous.get("/csat/not-a-token").problem(404, "not-found");
        anonymous.post("/csat/" + otherPayload, body).problem(404, "not-found");

        assertFalse(requester.get("/workorders/" + order.getString("number") + "/satisfaction").status() == 200,
                "nothing was stored");
        anonymous.post("/csat/" + valid, body).expect(201);
    }

    @Test
    void theSummaryCountsRatingsGivenInTheRangeWithTheirMeanAndDistribution() {
        var today = LocalDate.now(ZoneOffset.UTC);
        var range = "/reports/summary?from=" + today.minusDays(1) + "&to=" + today.plusDays(2);
        var before = dispatcher.get(range).expect(200).json().getJsonObject("csat");
        var beforeRepairs = dispatcher.get(range + "&type=repair").expect(200).json().getJsonObject("csat");

        rate(requester, completed(It.unique("csat report a")).getString("number"), 5, null).expect(201);
        rate(requester, completed(It.unique("csat report b")).getString("number"), 5, null).expect(201);
        rate(requester, completed(It.unique("csat report c")).getString("number"), 3, null).expect(201);

        var after = dispatcher.get(range).expect(200).json().getJsonObject("csat");
        assertEquals(count(before) + 3, count(after));
        assertEquals(bucket(before, 5) + 2, bucket(after, 5));
        assertEquals(bucket(before, 3) + 1, bucket(after, 3));
        assertEquals(bucket(before, 1), bucket(after, 1));
        var sum = 0.0;
        for (int score = 1; score <= 5; score++) sum += score * bucket(after, score);
        assertEquals(Math.round(sum / count(after) * 100) / 100.0, after.getJsonNumber("average").doubleValue(), 1e-9);
        assertEquals(beforeRepairs, dispatcher.get(range + "&type=repair").expect(200).json().getJsonObject("csat"),
                "general orders are not repairs");

        var csv = dispatcher.send("GET", range + "&section=csat", null, null, Map.of("Accept", "text/csv"))
                .expect(200).body();
        assertTrue(csv.startsWith("score,count\r\n1," + bucket(after, 1) + "\r\n"), csv);
        assertTrue(csv.contains("\r\n5," + bucket(after, 5) + "\r\n"), csv);
        assertTrue(csv.contains("\r\naverage," + after.getJsonNumber("average")), csv);
        requester.get(range).problem(403, null);
    }

    /** A general order of acme's requester, taken to RESOLVED by the agent. */
    private static JsonObject completed(String title) {
        var ref = create(requester, order(title)).getString("id");
        assign(dispatcher, ref, agent.id(), null).expect(200);
        move(agent, ref, "IN_PROGRESS");
        return move(agent, ref, "RESOLVED");
    }

    private static Res rate(Api api, String ref, Integer score, String comment) {
        var body = Json.createObjectBuilder();
        if (score != null) body.add("score", score);
        body.add("comment", comment == null ? JsonValue.NULL : Json.createValue(comment));
        return api.post("/workorders/" + ref + "/satisfaction", body.build());
    }

    private static Map<String, String> errors(Res res) {
        var problem = res.problem(422, "validation");
        var errors = new java.util.TreeMap<String, String>();
        problem.getJsonArray("errors").getValuesAs(JsonObject.class)
                .forEach(e -> errors.put(e.getString("field"), e.getString("message")));
        return errors;
    }

    private static long count(JsonObject csat) {
        return csat.getJsonNumber("count").longValue();
    }

    private static long bucket(JsonObject csat, int score) {
        return csat.getJsonArray("distribution").getJsonNumber(score - 1).longValue();
    }
}
