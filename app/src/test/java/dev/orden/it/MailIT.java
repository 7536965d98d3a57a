package dev.orden.it;

import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * E-mail notifications through a real SMTP server (GreenMail, {@link Mailbox}): each recipient's language (the
 * Keycloak locale of two agents made here, one es and one en; the tenant's language for the requester), the
 * shipped and the tenant's templates, an SMTP outage that delays mail but never the change, giving up after the
 * last attempt, and a flow rule's notify effect. acme's notifications.json sends assignments by inapp and email.
 */
class MailIT {

    private static final Duration MAIL = Duration.ofSeconds(40);

    static final Api admin = Api.as(It.ACME_ADMIN);
    static final Api dispatcher = Api.as(It.ACME_DISPATCHER);
    static final Api requester = Api.as(It.ACME_REQUESTER);

    static final List<String> users = new java.util.ArrayList<>();
    static String esEmail;
    static String enEmail;
    static Api esAgent;
    static Api enAgent;
    static int versionBefore;

    @BeforeAll
    static void mailboxAndAgents() {
        Mailbox.start();
        esEmail = It.unique("mail-es") + "@acme.test";
        enEmail = It.unique("mail-en") + "@acme.test";
        esAgent = agent(esEmail, "es");
        enAgent = agent(enEmail, "en");
        versionBefore = Configs.active(admin).getInt("version");
    }

    private static Api agent(String email, String locale) {
        var password = "pw-" + UUID.randomUUID();
        var id = KcAdmin.createUser(email, email, password, locale);
        users.add(id);
        KcAdmin.grantRealmRole(id, "agent");
        KcAdmin.addMember(KcAdmin.findOrganizationId("acme").orElseThrow(), id);
        var api = Api.as(email, password);
        assertEquals("acme", api.me().getString("tenant"), "seen once, so Orden knows the member");
        return api;
    }

    @AfterEach
    void smtpBackAndConfigurationAsBefore() {
        Mailbox.start();
        if (Configs.active(admin).getInt("version") != versionBefore) Configs.rollback(admin, versionBefore);
    }

    @AfterAll
    static void removeAgents() {
        users.forEach(id -> KcAdmin.deleteQuietly(() -> KcAdmin.deleteUser(id)));
    }

    @Test
    void eachRecipientIsMailedInTheirOwnLanguageFromTheShippedTemplates() {
        var title = It.unique("Caldera <b>rota</b>");
        var es = assigned(title, esAgent);
        var mail = Mailbox.await(esEmail, es.getString("number"), MAIL);
        assertEquals(es.getString("number") + " asignada a ti: " + title, mail.subject());
        assertEquals("es", mail.language());
        assertTrue(mail.text().contains("te ha asignado la orden " + es.getString("number")), mail.text());
        assertTrue(mail.text().contains("/workorders/" + es.getString("number")), mail.text());
        assertTrue(mail.html().contains("Caldera &lt;b&gt;rota&lt;/b&gt;"), mail.html());
        assertFalse(mail.html().contains("<b>rota"), "values are escaped in HTML mail: " + mail.html());

        var en = assigned(It.unique("Boiler"), enAgent);
        var english = Mailbox.await(enEmail, en.getString("number"), MAIL);
        assertTrue(english.subject().startsWith(en.getString("number") + " assigned to you: "), english.subject());
        assertEquals("en", english.language());
        assertTrue(english.text().contains("Hello Ivo Tester,"), english.text());

        var toRequester = Mailbox.await(It.ACME_REQUESTER, es.getString("number"), MAIL);
        assertTrue(toRequester.subject().startsWith(es.getString("number") + " ahora está "),
                "without a locale of their own, the tenant's language (es): " + toRequester.subject());

        var sent = delivery(es, "email", esAgent.id()).orElseThrow();
        assertEquals("sent", sent.getString("status"));
        assertEquals(1, sent.getInt("attempts"));
        assertEquals("es", sent.getString("language"));
        assertEquals(esEmail, sent.getString("address"));
        assertEquals("sent", delivery(es, "inapp", esAgent.id()).orElseThrow().getString("status"));
        assertTrue(delivery(es, "email", dispatcher.id()).isEmpty(), "nobody is told of their own change");
    }

    @Test
    void aTenantTemplateOverridesTheShippedOneForItsLanguageOnly() {
        var bundle = Configs.active(admin).getJsonObject("bundle");
        var notifications = bundle.getJsonObject("notifications");
        var templates = Json.createObjectBuilder(notifications.getJsonObject("templates")).add("assigned",
                Json.createObjectBuilder().add("en", Json.createObjectBuilder()
                        .add("subject", "[Acme] {{number}} is yours")
                        .add("body", "Ticket {{number}} ({{typeName}}) for {{recipient}}: {{title}} {{link}}")));
        Configs.publish(admin, Json.createObjectBuilder(bundle).add("notifications",
                Json.createObjectBuilder(notifications).add("templates", templates)).build());

        var en = assigned(It.unique("Radiator"), enAgent);
        var mail = Mailbox.await(enEmail, en.getString("number"), MAIL);
        assertEquals("[Acme] " + en.getString("number") + " is yours", mail.subject());
        assertTrue(mail.text().startsWith("Ticket " + en.getString("number") + " ("), mail.text());
        assertTrue(mail.text().contains(" for Ivo Tester: " + en.getString("title") + " http"), mail.text());

        var es = assigned(It.unique("Radiador"), esAgent);
        assertTrue(Mailbox.await(esEmail, es.getString("number"), MAIL).subject().contains(" asignada a ti: "),
                "the Spanish one is still Orden's");
    }

    @Test
    void anSmtpOutageDelaysTheMailButNeverTheChange() {
        Mailbox.stop();
        var order = create(dispatcher, order(It.unique("outage")));
        var started = System.nanoTime();
        assign(dispatcher, order.getString("id"), esAgent.id(), null).expect(200);
        var took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "the change does not wait for SMTP: " + took);

        await("a failed attempt logged", () -> delivery(order, "email", esAgent.id())
                .filter(d -> d.getInt("attempts") >= 1 && !d.isNull("lastError")).isPresent());
        var pending = delivery(order, "email", esAgent.id()).orElseThrow();
        assertEquals("pending", pending.getString("status"), pending.toString());
        assertTrue(pending.getString("lastError").startsWith("SMTP"), pending.toString());

        Mailbox.start();
        Mailbox.await(esEmail, order.getString("number"), MAIL);
        await("sent after a retry", () -> delivery(order, "email", esAgent.id())
                .filter(d -> d.getString("status").equals("sent")).isPresent());
        assertTrue(delivery(order, "email", esAgent.id()).orElseThrow().getInt("attempts") >= 2);
    }

    @Test
    void aDeliveryIsGivenUpAfterTheLastAttemptAndTheLogSaysWhy() {
        Mailbox.stop();
        var order = assigned(It.unique("never"), enAgent);
        await("given up", () -> delivery(order, "email", enAgent.id())
                .filter(d -> d.getString("status").equals("failed")).isPresent());
        var failed = delivery(order, "email", enAgent.id()).orElseThrow();
        assertEquals(5, failed.getInt("attempts"), "ORDEN_NOTIFICATIONS_MAX_ATTEMPTS of the test server");
        assertTrue(failed.getString("lastError").startsWith("SMTP"), failed.toString());
        admin.get("/admin/notifications/deliveries?status=failed&limit=200").expect(200);
        admin.get("/admin/notifications/deliveries?status=lost").expect(422);
        dispatcher.get("/admin/notifications/deliveries").expect(403);
    }

    @Test
    void aFlowRulesNotifyIsMailedAndRefusedForAStrangerOrAnUnknownTemplate() {
        var bundle = Configs.active(admin).getJsonObject("bundle");
        var rules = Json.createArrayBuilder(bundle.getJsonArray("rules")).add(Json.createObjectBuilder()
                .add("key", "mail_escalation").add("name", "mail_escalation")
                .add("events", Json.createArrayBuilder().add("workorder.created")).add("order", 100)
                .add("mode", "active").add("onError", "skip").add("source", """
                        function rule(input) {
                          if (!keywords.any(input.order.title, ['escalate'])) return [];
                          return [{type: 'notify', to: '%s', template: 'escalation', channel: 'email'},
                                  {type: 'notify', to: 'someone@elsewhere.test', template: 'escalation'},
                                  {type: 'notify', to: ['dispatchers'], template: 'no_such_template'}];
                        }""".formatted(esEmail)));
        Configs.publish(admin, Json.createObjectBuilder(bundle).add("rules", rules).build());

        var order = create(dispatcher, order("escalate " + It.unique("leak")));
        var mail = Mailbox.await(esEmail, order.getString("number"), MAIL);
        assertTrue(mail.subject().startsWith("Escalada: " + order.getString("number")), mail.subject());
        assertTrue(mail.text().contains("ha escalado la orden " + order.getString("number")), mail.text());

        var trace = dispatcher.get("/workorders/" + order.getString("id") + "/rule-traces").expect(200).objects()
                .stream().filter(t -> t.getString("rule").equals("mail_escalation")).findFirst().orElseThrow();
        var effects = trace.getJsonArray("effects").getValuesAs(JsonObject.class);
        assertEquals(List.of("applied", "refused", "refused"), effects.stream().map(e -> e.getString("status")).toList());
        assertTrue(effects.get(1).getString("reason").contains("someone@elsewhere.test"), effects.get(1).toString());
        assertTrue(effects.get(2).getString("reason").contains("no_such_template"), effects.get(2).toString());
        assertNotNull(delivery(order, "email", esAgent.id()).orElse(null));
    }

    @Test
    void aRequestersMailLeavesOutInternalFieldsAndTheAgentsHasThem() {
        var bundle = Configs.active(admin).getJsonObject("bundle");
        var notifications = bundle.getJsonObject("notifications");
        var listing = Json.createObjectBuilder().add("es", Json.createObjectBuilder().add("subject", "{{number}}")
                .add("body", "Datos: {{#fields}}{{key}}={{value}}; {{/fields}}")).build();
        var templates = Json.createObjectBuilder(notifications.getJsonObject("templates"))
                .add("assigned", listing).add("status_changed", listing);
        Configs.publish(admin, Json.createObjectBuilder(bundle).add("notifications",
                Json.createObjectBuilder(notifications).add("templates", templates)).build());

        var order = create(dispatcher, order(It.unique("Lavadora")).add("type", "repair")
                .add("requesterId", requester.id())
                .add("customFields", Configs.acmeVisit().add("diagnosis", "Rodamiento gastado")));
        assign(dispatcher, order.getString("id"), esAgent.id(), null).expect(200);
        var toAgent = Mailbox.await(esEmail, order.getString("number"), MAIL).text();
        assertTrue(toAgent.contains("appliance=washer; ") && toAgent.contains("diagnosis=Rodamiento gastado; "), toAgent);
        var toRequester = Mailbox.await(It.ACME_REQUESTER, order.getString("number"), MAIL).text();
        assertTrue(toRequester.contains("appliance=washer; "), toRequester);
        assertFalse(toRequester.contains("diagnosis") || toRequester.contains("Rodamiento"), toRequester);
    }

    private static JsonObject assigned(String title, Api agent) {
        var order = create(dispatcher, order(title).add("requesterId", requester.id()));
        assign(dispatcher, order.getString("id"), agent.id(), null).expect(200);
        return order;
    }

    private static Optional<JsonObject> delivery(JsonObject order, String channel, String recipient) {
        return admin.get("/admin/notifications/deliveries?workOrder=" + order.getString("id")).expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("channel").equals(channel) && d.getString("recipientId").equals(recipient))
                .findFirst();
    }

    private static void await(String what, Supplier<Boolean> condition) {
        var deadline = System.nanoTime() + MAIL.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + MAIL + ": " + what);
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }
}
