package dev.orden.webhook;

import dev.orden.audit.AuditEvent;
import dev.orden.audit.AuditEvents;
import dev.orden.identity.MemberDirectory;
import dev.orden.identity.Role;
import dev.orden.notification.Notification;
import dev.orden.notification.Notifications;
import dev.orden.schedule.Jobs;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.Tenant;
import dev.orden.workorder.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhooks of the current tenant and their deliveries: enqueued in the transaction of the change they tell of,
 * each attempt a one-off scheduler job ({@value #JOB_KIND}, key {@code <delivery>/<attempt>}), so that a delivery
 * exists exactly when its change committed and survives any server.
 */
@ApplicationScoped
public class Webhooks {

    static final String JOB_KIND = "webhook";

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    Jobs jobs;

    @Inject
    WebhookSettings settings;

    @Inject
    SecretBox secrets;

    @Inject
    Notifications notifications;

    @Inject
    MemberDirectory members;

    @Inject
    AuditEvents audit;

    record Created(Webhook webhook, String secret) {}

    @Transactional
    public List<Webhook> all() {
        return tenantEm.em().createQuery("SELECT w FROM Webhook w ORDER BY w.name", Webhook.class).getResultList();
    }

    @Transactional
    public Optional<Webhook> find(UUID id) {
        return Optional.ofNullable(tenantEm.em().find(Webhook.class, id));
    }

    /** The tenant's webhook called {@code name}, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Webhook> named(String name) {
        return tenantEm.em().createQuery("SELECT w FROM Webhook w WHERE w.name = :name", Webhook.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<Webhook> active() {
        return tenantEm.em().createQuery("SELECT w FROM Webhook w WHERE w.active = TRUE", Webhook.class)
                .getResultList();
    }

    @Transactional
    Created create(WebhookInput input) {
        assertNameFree(input.name(), null);
        var secret = SecretBox.generate();
        var webhook = new Webhook(input.name(), input.url(), input.events(), input.active() == null || input.active(),
                secrets.seal(secret));
        tenantEm.em().persist(webhook);
        audited("webhook.created", webhook, "Created webhook ", null, auditView(webhook));
        return new Created(webhook, secret);
    }

    @Transactional
    Webhook update(UUID id, WebhookInput input) {
        var webhook = find(id).orElseThrow(() -> ProblemException.notFound("Webhook"));
        var before = auditView(webhook);
        if (input.name() != null && !input.name().equals(webhook.name())) {
            assertNameFree(input.name(), id);
            webhook.rename(input.name());
        }
        if (input.url() != null) webhook.pointTo(input.url());
        if (input.events() != null) webhook.subscribe(input.events());
        if (input.active() != null) webhook.activate(input.active());
        var after = auditView(webhook);
        if (!after.equals(before)) audited("webhook.updated", webhook, "Changed webhook ", before, after);
        return webhook;
    }

    @Transactional
    void delete(UUID id) {
        var webhook = find(id).orElseThrow(() -> ProblemException.notFound("Webhook"));
        tenantEm.em().remove(webhook);
        audited("webhook.deleted", webhook, "Deleted webhook ", auditView(webhook), null);
    }

    /** A new secret, shown once; the old one still signs for {@code orden.webhooks.rotation-overlap}. */
    @Transactional
    Created rotate(UUID id) {
        var webhook = find(id).orElseThrow(() -> ProblemException.notFound("Webhook"));
        var secret = SecretBox.generate();
        var overlapUntil = Instant.now().plus(settings.rotationOverlap());
        webhook.rotate(secrets.seal(secret), overlapUntil);
        audited("webhook.secret_rotated", webhook, "Rotated the signing secret of webhook ", null,
                Json.createObjectBuilder().add("previousSecretSignsUntil", overlapUntil.toString()).build());
        return new Created(webhook, secret);
    }

    /** What the audit log keeps of a webhook: never its secret. */
    private static JsonObject auditView(Webhook webhook) {
        var events = Json.createArrayBuilder();
        webhook.events().forEach(events::add);
        return Json.createObjectBuilder().add("name", webhook.name()).add("url", webhook.url())
                .add("events", events).add("active", webhook.active()).build();
    }

    private void audited(String action, Webhook webhook, String summary, JsonObject before, JsonObject after) {
        audit.record(AuditEvent.of(action, "webhook", webhook.id().toString(), webhook.name(),
                summary + "'" + webhook.name() + "'").change(before, after));
    }

    private void assertNameFree(String name, UUID except) {
        var taken = tenantEm.em().createQuery("SELECT w FROM Webhook w WHERE w.name = :name", Webhook.class)
                .setParameter("name", name).getResultStream().anyMatch(w -> !w.id().equals(except));
        if (taken) throw new ProblemException(ProblemType.CONFLICT, "A webhook named '" + name + "' exists already");
    }

    /** Newest first; {@code status} one of PENDING, DELIVERED, FAILED, or null for all. */
    @Transactional
    List<WebhookDelivery> deliveries(UUID webhookId, WebhookDelivery.Status status, int limit) {
        find(webhookId).orElseThrow(() -> ProblemException.notFound("Webhook"));
        var query = tenantEm.em().createQuery("SELECT d FROM WebhookDelivery d WHERE d.webhookId = :webhook"
                        + (status == null ? "" : " AND d.status = :status") + " ORDER BY d.createdAt DESC, d.id",
                        WebhookDelivery.class)
                .setParameter("webhook", webhookId).setMaxResults(limit);
        if (status != null) query.setParameter("status", status.name());
        return query.getResultList();
    }

    /** A {@code webhook.ping} for an admin to see the receiver answer, delivered as any event is. */
    @Transactional
    WebhookDelivery ping(UUID id) {
        var webhook = find(id).orElseThrow(() -> ProblemException.notFound("Webhook"));
        if (!webhook.active()) throw new ProblemException(ProblemType.CONFLICT, "The webhook is disabled");
        return enqueue(webhook, WebhookEvents.PING, null, Json.createObjectBuilder().add("webhook", webhook.name())
                .build(), Instant.now());
    }

    /** Posts a finished delivery again, with the same id (idempotency key) and body. */
    @Transactional
    WebhookDelivery redeliver(UUID webhookId, UUID deliveryId) {
        var webhook = find(webhookId).orElseThrow(() -> ProblemException.notFound("Webhook"));
        var delivery = Optional.ofNullable(tenantEm.em().find(WebhookDelivery.class, deliveryId))
                .filter(d -> d.webhookId().equals(webhookId))
                .orElseThrow(() -> ProblemException.notFound("Delivery"));
        if (!webhook.active()) throw new ProblemException(ProblemType.CONFLICT, "The webhook is disabled");
        if (delivery.status() == WebhookDelivery.Status.PENDING) {
            throw new ProblemException(ProblemType.CONFLICT, "The delivery is still pending");
        }
        var now = Instant.now();
        delivery.redeliver(now);
        scheduleAttempt(delivery, now);
        return delivery;
    }

    /**
     * A notification for the {@code webhook} channel: one delivery per active webhook subscribed to
     * {@code notification}, with the rendered message as the body's {@code change}; how many were enqueued.
     */
    @Transactional
    public int notification(UUID orderId, JsonObject message) {
        var order = orderId == null ? null : tenantEm.em().find(WorkOrder.class, orderId);
        var now = Instant.now();
        var subscribed = active().stream().filter(webhook -> webhook.subscribes(WebhookEvents.NOTIFICATION)).toList();
        subscribed.forEach(webhook -> enqueue(webhook, WebhookEvents.NOTIFICATION, order, message, now));
        return subscribed.size();
    }

    /** Enqueues {@code event} for {@code webhook} in the caller's transaction; {@code change} becomes the body's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WebhookDelivery enqueue(Webhook webhook, String event, WorkOrder order, JsonValue change, Instant at) {
        var id = UUID.randomUUID();
        var tenant = tenantEm.em().find(Tenant.class, tenantEm.boundTenant().orElseThrow());
        var body = WebhookPayloads.body(id, event, at, tenant.slug(), order, change);
        var delivery = new WebhookDelivery(id, webhook.id(), event, order == null ? null : order.id(), body, at);
        tenantEm.em().persist(delivery);
        scheduleAttempt(delivery, at);
        return delivery;
    }

    private void scheduleAttempt(WebhookDelivery delivery, Instant at) {
        var number = delivery.attemptCount() + 1;
        jobs.schedule(JOB_KIND, delivery.id() + "/" + number, at.toString(),
                Json.createObjectBuilder().add("delivery", delivery.id().toString()).build(), at);
    }

    /** What an attempt needs, read in a short transaction of its own; empty when there is nothing to send. */
    @Transactional
    Optional<Outgoing> prepare(UUID deliveryId) {
        var delivery = tenantEm.em().find(WebhookDelivery.class, deliveryId);
        if (delivery == null || delivery.status() != WebhookDelivery.Status.PENDING) return Optional.empty();
        var webhook = tenantEm.em().find(Webhook.class, delivery.webhookId());
        if (webhook == null || !webhook.active()) {
            delivery.abandon("the webhook was disabled before this delivery was sent", Instant.now());
            return Optional.empty();
        }
        var signing = new ArrayList<String>(List.of(secrets.open(webhook.sealedSecret())));
        var previous = webhook.sealedPreviousSecret(Instant.now());
        if (previous != null) signing.add(secrets.open(previous));
        return Optional.of(new Outgoing(delivery.id(), webhook.url(), delivery.event(), delivery.body(),
                delivery.attemptCount() + 1, List.copyOf(signing)));
    }

    /** What {@link WebhookSender} posts. */
    record Outgoing(UUID deliveryId, String url, String event, String body, int attempt, List<String> secrets) {}

    /**
     * Logs the attempt and settles the delivery: delivered (the webhook's failure count starts again), another
     * attempt scheduled, or given up on — counted, and at {@code orden.webhooks.disable-after} in a row the webhook
     * is disabled and the tenant's admins told.
     */
    @Transactional
    void recordOutcome(UUID deliveryId, Attempt attempt, Instant at) {
        var delivery = tenantEm.em().find(WebhookDelivery.class, deliveryId);
        if (delivery == null || delivery.status() != WebhookDelivery.Status.PENDING) return;
        var verdict = attempt.judge(delivery.attemptCount() + 1, settings.maxAttempts(), settings.backoff(), at);
        delivery.record(attempt, at, verdict);
        switch (verdict) {
            case Attempt.Verdict.Delivered d -> tenantEm.em().createNativeQuery(
                    "UPDATE webhook SET consecutive_failures = 0 WHERE id = ?1::uuid AND consecutive_failures <> 0")
                    .setParameter(1, delivery.webhookId().toString()).executeUpdate();
            case Attempt.Verdict.Retry retry -> scheduleAttempt(delivery, retry.at());
            case Attempt.Verdict.Failed failed -> countFailure(delivery.webhookId());
        }
    }

    private void countFailure(UUID webhookId) {
        var em = tenantEm.em();
        em.createNativeQuery("UPDATE webhook SET consecutive_failures = consecutive_failures + 1 WHERE id = ?1::uuid")
                .setParameter(1, webhookId.toString()).executeUpdate();
        var reason = "disabled after " + settings.disableAfter() + " failed deliveries in a row";
        int disabled = em.createNativeQuery("""
                        UPDATE webhook SET active = false, disabled_reason = ?2, updated_at = now()
                         WHERE id = ?1::uuid AND active AND consecutive_failures >= ?3""")
                .setParameter(1, webhookId.toString()).setParameter(2, reason)
                .setParameter(3, settings.disableAfter()).executeUpdate();
        if (disabled == 1) tellAdmins(webhookId, reason);
    }

    private void tellAdmins(UUID webhookId, String reason) {
        var name = (String) tenantEm.em().createNativeQuery("SELECT name FROM webhook WHERE id = ?1::uuid")
                .setParameter(1, webhookId.toString()).getSingleResult();
        members.all().stream().filter(m -> m.roles().contains(Role.TENANT_ADMIN)).forEach(admin ->
                notifications.add(new Notification(admin.userId().toString(), "webhook_disabled", null, null,
                        "Webhook '" + name + "' was disabled", "It was " + reason
                        + "; see its delivery log, then turn it on again.")));
    }
}
