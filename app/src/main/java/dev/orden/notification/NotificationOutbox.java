package dev.orden.notification;

import dev.orden.config.ActiveConfiguration;
import dev.orden.csat.CsatLinks;
import dev.orden.identity.Member;
import dev.orden.identity.MemberDirectory;
import dev.orden.identity.Role;
import dev.orden.plugin.notification.DeliveryResult;
import dev.orden.plugin.notification.NotificationChannelFactory;
import dev.orden.plugin.notification.NotificationMessage;
import dev.orden.plugin.notification.Recipient;
import dev.orden.schedule.Jobs;
import dev.orden.tenant.TenantContext;
import dev.orden.workorder.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records, in the transaction of the change that caused them, the notifications the tenant's
 * {@code notifications.json} asks for: one delivery per recipient and channel, with the order as it is now. A
 * deferred channel's delivery (e-mail, webhooks) gets a scheduler job that sends it after the commit; the in-app
 * inbox is written at once. Nothing here calls another system, so an SMTP outage never slows or fails a change.
 * Other features (reminders, SLA warnings) announce their events here too.
 */
@ApplicationScoped
public class NotificationOutbox {

    /** The scheduler job kind that delivers (see {@link DeliveryJobs}). */
    static final String KIND = "notification";

    /** Who did what: never told of it themself; the reason of an assignment or transfer; a public comment's text. */
    public record Happening(String actorId, String actorName, String previousStatus, String reason, String comment) {

        public static Happening by(String actorId, String actorName) {
            return new Happening(actorId, actorName, null, null, null);
        }
    }

    @Inject
    ActiveConfiguration configuration;

    @Inject
    MemberDirectory members;

    @Inject
    Deliveries deliveries;

    @Inject
    Jobs jobs;

    @Inject
    Channels channels;

    @Inject
    NotificationSettings settings;

    @Inject
    TenantContext context;

    @Inject
    CsatLinks csatLinks;

    /** Tells of {@code event} ({@code assigned}, {@code reminder}, …) whom the tenant's configuration names. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(WorkOrder order, String event, Happening happening) {
        var bundle = bundle();
        var setup = NotificationSetup.of(bundle);
        for (var route : setup.routes(event)) {
            var recipients = recipients(order, route.to());
            enqueue(order, event, route.template(), recipients, route.channels(), happening, setup, bundle);
        }
    }

    /**
     * A reminder, to the recipients the reminder feature chose: {@code event} is what it is about (its template, the
     * inbox's kind: {@code reminder_due_soon}, …), sent by the channels of the tenant's routes for
     * {@code routedAs} ({@code reminder} or {@code unassigned_timeout}; a route naming its own template overrides
     * the event's), in the inbox when the tenant lists none. A rule's own text is the message's {@code comment}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remind(WorkOrder order, String routedAs, String event, Collection<String> recipients, String text) {
        var bundle = bundle();
        var setup = NotificationSetup.of(bundle);
        var happening = new Happening(null, null, null, null, text);
        var routes = setup.routes(routedAs);
        if (routes.isEmpty()) routes = List.of(new NotificationSetup.Route(List.of(), List.of("inapp"), routedAs));
        for (var route : routes) {
            var template = route.template().equals(routedAs) ? event : route.template();
            enqueue(order, event, template, new LinkedHashSet<>(recipients), route.channels(), happening, setup,
                    bundle);
        }
    }

    /**
     * A flow rule's {@code notify}: {@code to} (role words or members), by {@code channels}, with {@code template}.
     * Empty when recorded; else why it was refused (nothing recorded then).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> notify(WorkOrder order, List<String> to, String template, List<String> channelIds,
                                   Happening happening) {
        var bundle = bundle();
        var setup = NotificationSetup.of(bundle);
        if (to.isEmpty()) return Optional.of("'to' must name a recipient: assignee, requester, team, dispatchers or a member");
        for (var who : to) {
            if (!NotificationSetup.ROLES.contains(who) && member(who).isEmpty()) {
                return Optional.of("'" + who + "' is neither a role (assignee, requester, team, dispatchers) nor a member of this tenant");
            }
        }
        if (!setup.hasTemplate(template)) return Optional.of("unknown template '" + template + "'");
        for (var channel : channelIds) {
            if (channels.find(channel).isEmpty()) return Optional.of("unknown channel '" + channel + "'");
        }
        enqueue(order, "rule", template, recipients(order, to), channelIds, happening, setup, bundle);
        return Optional.empty();
    }

    private void enqueue(WorkOrder order, String event, String template, Set<String> recipients,
                         List<String> channelIds, Happening happening, NotificationSetup setup, JsonObject bundle) {
        recipients.remove(happening.actorId());
        if (recipients.isEmpty()) return;
        var snapshot = OrderSnapshot.take(facts(order, happening), bundle, settings.link(order.displayNumber()));
        if (event.equals("completed")) snapshot = withRatingLink(snapshot, order);
        var forRequesters = OrderSnapshot.withoutInternal(snapshot);
        var staff = recipients.stream().filter(r -> member(r).map(Member::canBeAssigned).orElse(false))
                .collect(Collectors.toSet());
        for (var channelId : new LinkedHashSet<>(channelIds)) {
            var factory = channels.find(channelId);
            for (var recipient : recipients) {
                var outgoing = new Deliveries.Outgoing(UUID.randomUUID(), event, template, channelId, recipient,
                        order.id(), order.displayNumber(), staff.contains(recipient) ? snapshot : forRequesters);
                deliveries.add(outgoing);
                if (factory.isPresent() && !factory.get().deferred()) deliverNow(factory.get(), outgoing, setup);
                else schedule(outgoing.id(), 1, Instant.now());
            }
        }
    }

    /**
     * A channel that writes to Orden's own database delivers in this transaction, in the tenant's language (looking
     * the recipient's up in Keycloak would put a remote call on the change's path).
     */
    private void deliverNow(NotificationChannelFactory factory, Deliveries.Outgoing outgoing, NotificationSetup setup) {
        var language = setup.defaultLanguage();
        var member = member(outgoing.recipientId());
        var name = member.map(m -> m.displayName() != null ? m.displayName() : m.email()).orElse(null);
        Rendering rendering;
        try {
            rendering = Rendering.of(setup, outgoing.template(), language, outgoing.model(), name);
        } catch (TemplateRenderer.Invalid e) {
            deliveries.settle(outgoing.id(), Deliveries.Status.FAILED, 1, e.getMessage(), language, null, null);
            return;
        }
        var message = new NotificationMessage(outgoing.id().toString(), context.tenantId().toString(),
                outgoing.event(), Objects.toString(outgoing.workOrderId(), null), outgoing.orderNumber(),
                new Recipient(outgoing.recipientId(), member.map(Member::email).orElse(null), name, language),
                rendering.subject(), rendering.text(), rendering.html(), null);
        try (var channel = channels.create(factory, context.tenantId())) {
            var result = channel.deliver(message);
            deliveries.settle(outgoing.id(), result.isDelivered() ? Deliveries.Status.SENT : Deliveries.Status.FAILED,
                    1, result.reason(), language, null, rendering.subject());
        }
    }

    /** Records the attempt; a retryable failure before the last attempt is tried again later. */
    @Transactional
    void settle(Deliveries.Delivery delivery, int attempt, DeliveryResult result, String language, String address,
                String subject) {
        if (result.isDelivered()) {
            deliveries.settle(delivery.id(), Deliveries.Status.SENT, attempt, null, language, address, subject);
        } else if (result.retryable() && attempt < settings.maxAttempts()) {
            deliveries.settle(delivery.id(), Deliveries.Status.PENDING, attempt, result.reason(), language, address,
                    subject);
            schedule(delivery.id(), attempt + 1, Instant.now().plus(settings.backoff().after(attempt)));
        } else {
            deliveries.settle(delivery.id(), Deliveries.Status.FAILED, attempt, result.reason(), language, address,
                    subject);
        }
    }

    /** The job that makes attempt {@code attempt} of a delivery at {@code at}: one job per attempt. */
    @Transactional(Transactional.TxType.MANDATORY)
    void schedule(UUID delivery, int attempt, Instant at) {
        var payload = Json.createObjectBuilder().add("delivery", delivery.toString()).add("attempt", attempt).build();
        jobs.schedule(KIND, delivery + "/" + attempt, at.toString(), payload, at);
    }

    /** The users the words name: the order's assignee or requester, its team's members, the dispatchers, members. */
    Set<String> recipients(WorkOrder order, List<String> to) {
        var ids = new LinkedHashSet<String>();
        for (var who : to) {
            switch (who) {
                case "assignee" -> add(ids, order.assigneeId());
                case "requester" -> add(ids, order.requesterId());
                case "team" -> teamMembers(order.team()).forEach(ids::add);
                case "dispatchers" -> members.all().stream().filter(m -> m.roles().contains(Role.DISPATCHER))
                        .forEach(m -> ids.add(m.userId().toString()));
                case "watchers" -> { }  // orders have no watchers yet
                default -> member(who).ifPresent(m -> ids.add(m.userId().toString()));
            }
        }
        return ids;
    }

    private List<String> teamMembers(String team) {
        if (team == null) return List.of();
        var ids = new ArrayList<String>();
        if (bundle().get("teams") instanceof JsonArray teams) {
            teams.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                    .filter(t -> team.equals(t.getString("key", null)))
                    .flatMap(t -> NotificationSetup.strings(t.get("members")).stream())
                    .forEach(email -> members.findByEmail(email).ifPresent(m -> ids.add(m.userId().toString())));
        }
        return ids;
    }

    private Optional<Member> member(String who) {
        if (who == null) return Optional.empty();
        if (who.contains("@")) return members.findByEmail(who);
        try {
            return members.find(UUID.fromString(who));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private JsonObject bundle() {
        return configuration.current().map(ActiveConfiguration.Active::bundle).orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    private static void add(Collection<String> ids, String id) {
        if (id != null) ids.add(id);
    }

    private static OrderSnapshot.Facts facts(WorkOrder order, Happening happening) {
        return new OrderSnapshot.Facts(order.displayNumber(), order.title(), order.type(), order.status(),
                happening.previousStatus(), order.priority() == null ? null : order.priority().name(),
                order.assigneeName(), order.team(), order.dueAt(), order.requesterName(), order.customFields(),
                happening.actorName(), happening.reason(), happening.comment());
    }

    /** The completion's signed rating link, {@code {{csatUrl}}} in templates: opened without signing in. */
    private JsonObject withRatingLink(JsonObject snapshot, WorkOrder order) {
        var token = csatLinks.token(context.tenantId(), order.id());
        return Json.createObjectBuilder(snapshot).add("csatUrl", settings.rateLink(token)).build();
    }
}
