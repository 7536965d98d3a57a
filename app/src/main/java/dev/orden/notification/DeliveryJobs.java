package dev.orden.notification;

import dev.orden.config.ActiveConfiguration;
import dev.orden.identity.KeycloakAdmin;
import dev.orden.plugin.notification.DeliveryResult;
import dev.orden.plugin.notification.NotificationMessage;
import dev.orden.plugin.notification.Recipient;
import dev.orden.schedule.Job;
import dev.orden.schedule.JobHandler;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers one attempt of one delivery (jobs of kind {@value NotificationOutbox#KIND}, key {@code <delivery>/<n>}):
 * the recipient's address and language from Keycloak (their {@code locale} attribute, else the tenant's language,
 * else English), the template rendered, the channel called. A retryable failure schedules attempt n+1 after the
 * {@link dev.orden.schedule.Backoff} of {@code orden.notifications.*}; after the last attempt, or on a failure that
 * no retry can mend, the delivery is marked failed. Every outcome is in the delivery log.
 */
@ApplicationScoped
class DeliveryJobs implements JobHandler {

    private static final Logger LOG = Logger.getLogger(DeliveryJobs.class.getName());

    @Inject
    Deliveries deliveries;

    @Inject
    Channels channels;

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    ActiveConfiguration configuration;

    @Inject
    NotificationOutbox outbox;

    @Inject
    TenantContext context;

    @Override
    public String kind() {
        return NotificationOutbox.KIND;
    }

    @Override
    public void run(Job job) {
        var id = UUID.fromString(job.payload().getString("delivery"));
        var attempt = job.payload().getInt("attempt", 1);
        var delivery = deliveries.find(id).orElse(null);
        if (delivery == null || delivery.status() != Deliveries.Status.PENDING || delivery.attempts() >= attempt) return;
        var setup = NotificationSetup.of(configuration.current().map(ActiveConfiguration.Active::bundle)
                .orElse(JsonValue.EMPTY_JSON_OBJECT));
        var factory = channels.find(delivery.channel());
        if (factory.isEmpty()) {
            outbox.settle(delivery, attempt, DeliveryResult.failed("no channel '" + delivery.channel() + "' on this server",
                    true), setup.defaultLanguage(), null, null);
            return;
        }
        if (!factory.get().deferred()) {
            outbox.settle(delivery, attempt, DeliveryResult.failed("channel '" + delivery.channel()
                    + "' delivers only within the change", false), setup.defaultLanguage(), null, null);
            return;
        }
        JsonObject user;
        try {
            user = keycloak.user(delivery.recipientId()).orElse(null);
        } catch (ProblemException e) {
            outbox.settle(delivery, attempt, DeliveryResult.failed(e.problem().detail(), true), null, null, null);
            return;
        }
        var language = language(user).orElse(setup.defaultLanguage());
        var email = user == null ? null : user.getString("email", null);
        Rendering rendering;
        try {
            rendering = Rendering.of(setup, delivery.template(), language, delivery.model(), name(user));
        } catch (TemplateRenderer.Invalid e) {
            outbox.settle(delivery, attempt, DeliveryResult.failed("template: " + e.getMessage(), false), language, email, null);
            return;
        }
        var message = new NotificationMessage(id.toString(), context.tenantId().toString(), delivery.event(),
                Objects.toString(delivery.workOrderId(), null), delivery.orderNumber(),
                new Recipient(delivery.recipientId(), email, name(user), language), rendering.subject(),
                rendering.text(), rendering.html(), text(delivery.model().get("link")));
        outbox.settle(delivery, attempt, deliver(factory.get(), message), language, email, rendering.subject());
    }

    private DeliveryResult deliver(dev.orden.plugin.notification.NotificationChannelFactory factory,
                                   NotificationMessage message) {
        try (var channel = channels.create(factory, context.tenantId())) {
            return Objects.requireNonNullElse(channel.deliver(message),
                    DeliveryResult.failed("the channel gave no answer", true));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Channel " + factory.getId() + " failed on delivery " + message.deliveryId(), e);
            return DeliveryResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        }
    }

    /** The user's {@code locale} attribute, when it names a language Orden writes in. */
    static java.util.Optional<String> language(JsonObject user) {
        if (user == null || !(user.get("attributes") instanceof JsonObject attributes)
                || !(attributes.get("locale") instanceof JsonArray values) || values.isEmpty()
                || !(values.get(0) instanceof JsonString locale)) {
            return java.util.Optional.empty();
        }
        var tag = locale.getString().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return NotificationSetup.LANGUAGES.contains(tag) ? java.util.Optional.of(tag) : java.util.Optional.empty();
    }

    private static String name(JsonObject user) {
        if (user == null) return null;
        var name = (user.getString("firstName", "") + " " + user.getString("lastName", "")).strip();
        return name.isEmpty() ? user.getString("email", null) : name;
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }
}
