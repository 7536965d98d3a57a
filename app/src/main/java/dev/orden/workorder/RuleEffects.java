package dev.orden.workorder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.workflow.Trigger;
import dev.orden.identity.Member;
import dev.orden.identity.MemberDirectory;
import dev.orden.notification.NotificationOutbox;
import dev.orden.reminder.RuleReminders;
import dev.orden.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A rule's effects checked and applied to the order, each on its own: an effect that does not hold (an unknown
 * field, a value of the wrong type, a person or team of no one's) is refused with the reason and the others still
 * apply. Effects change the order the way a person's request would (same validation, same history entries, the
 * rule as the actor); they never fire events themselves.
 */
@ApplicationScoped
class RuleEffects {

    @Inject
    WorkOrderEditing editing;

    @Inject
    WorkOrderLifecycle lifecycle;

    @Inject
    MemberDirectory members;

    @Inject
    WorkOrderRepository repository;

    @Inject
    ActiveConfiguration configuration;

    @Inject
    WorkOrderDispatch dispatch;

    @Inject
    WorkOrderConfiguration fieldsOfTypes;

    @Inject
    NotificationOutbox notifications;

    @Inject
    RuleReminders reminders;

    @Inject
    WorkOrderTransfer transfers;

    @Inject
    @Any
    Instance<HostEffect> hostEffects;

    /** What became of one effect: its status ({@code applied}, {@code refused}), and why. */
    record Outcome(String status, String reason, List<WorkOrderEvent> history, String rejection) {

        static Outcome applied(List<WorkOrderEvent> history) {
            return new Outcome("applied", null, history, null);
        }

        static Outcome refused(String reason) {
            return new Outcome("refused", reason, List.of(), null);
        }

        JsonObject describe(JsonValue effect) {
            var json = Json.createObjectBuilder().add("effect", effect).add("status", status);
            if (reason != null) json.add("reason", reason);
            return json.build();
        }
    }

    Outcome apply(JsonObject effect, WorkOrder order, String event, Actor rule) {
        var type = effect.getString("type", "");
        try {
            return switch (type) {
                case "set" -> set(effect, order, rule);
                case "priority" -> patch(order, rule, Json.createObjectBuilder()
                        .add("priority", effect.getOrDefault("priority", JsonValue.NULL)).build());
                case "due" -> patch(order, rule, Json.createObjectBuilder()
                        .add("dueAt", effect.getOrDefault("at", JsonValue.NULL)).build());
                case "assign" -> assign(effect, order, rule);
                case "transfer" -> transfer(effect, order, rule);
                case "comment" -> comment(effect, order, rule);
                case "reject" -> reject(effect, event);
                case "notify" -> notify(effect, order, rule);
                case "remind" -> remind(effect, order, rule);
                default -> hostEffect(type).map(host -> host.apply(effect, order, ruleKey(rule))
                                .map(Outcome::refused).orElseGet(() -> Outcome.applied(List.of())))
                        .orElseGet(() -> Outcome.refused("unknown effect type '" + type + "'"));
            };
        } catch (ProblemException problem) {
            return Outcome.refused(reason(problem));
        }
    }

    private Outcome set(JsonObject effect, WorkOrder order, Actor rule) {
        if (!(effect.get("fields") instanceof JsonObject fields) || fields.isEmpty()) {
            return Outcome.refused("'fields' must be an object of custom field values");
        }
        // Files are attached by people (their uploads, checked as theirs); a rule could otherwise name any file.
        var files = fieldsOfTypes.attachmentKeys(order.type()).stream().filter(fields::containsKey).toList();
        if (!files.isEmpty()) {
            return Outcome.refused("attachment fields are set by people, not by rules: " + String.join(", ", files));
        }
        return patch(order, rule, Json.createObjectBuilder().add("customFields", fields).build());
    }

    private Outcome patch(WorkOrder order, Actor rule, JsonObject patch) {
        return Outcome.applied(editing.patch(order, patch, rule));
    }

    private Outcome assign(JsonObject effect, WorkOrder order, Actor rule) {
        var team = effect.getString("team", null);
        var user = effect.getString("user", null);
        if (effect.containsKey("strategy")) return strategy(effect, order, rule);
        if (team == null && user == null) return Outcome.refused("give a 'user' (id or e-mail), a 'team' or both");
        if (team != null && !teams().contains(team)) return Outcome.refused("unknown team '" + team + "'");
        Actor assignee = null;
        if (user != null) {
            var member = member(user);
            if (member.isEmpty() || !member.get().canBeAssigned()) {
                return Outcome.refused("'" + user + "' is not an agent, dispatcher or admin of this tenant");
            }
            assignee = new Actor(member.get().userId().toString(),
                    member.get().displayName() != null ? member.get().displayName() : member.get().email());
        }
        var workflow = lifecycle.workflowOf(order);
        var history = new java.util.ArrayList<>(order.assign(assignee, team, rule, effect.getString("reason", null)));
        if (order.assigneeId() != null) {
            WorkOrderLifecycle.triggered(workflow, order, Trigger.ASSIGNED)
                    .ifPresent(state -> history.addAll(order.moveTo(state, rule, null)));
        }
        return Outcome.applied(history);
    }

    /** {@code {type: 'assign', strategy, team?, reason?}}: the strategy picks among the team's (or the order's team's) members. */
    private Outcome strategy(JsonObject effect, WorkOrder order, Actor rule) {
        var before = order.team();
        var team = effect.getString("team", before);
        var decision = dispatch.decide(order, effect.getString("strategy", ""), team, effect.getString("reason", null));
        if (!decision.assigns() && Objects.equals(team, before)) return Outcome.refused(decision.reason());
        return Outcome.applied(dispatch.apply(order, lifecycle.workflowOf(order), decision, rule));
    }

    /** {@code {type: 'transfer', team?, area?, reason}}: as the transfer endpoint, by {@link WorkOrderTransfer}. */
    private Outcome transfer(JsonObject effect, WorkOrder order, Actor rule) {
        var request = new WorkOrderTransfer.Request(effect.getString("team", null), effect.getString("area", null),
                effect.getString("reason", null));
        return Outcome.applied(transfers.apply(order, lifecycle.workflowOf(order), request, rule));
    }

    private Outcome comment(JsonObject effect, WorkOrder order, Actor rule) {
        var body = effect.getString("body", "").strip();
        if (body.isEmpty() || body.length() > 20_000) return Outcome.refused("'body' must be 1 to 20000 characters");
        var visibility = effect.getString("visibility", "internal").toUpperCase(Locale.ROOT);
        if (!Set.of("PUBLIC", "INTERNAL").contains(visibility)) {
            return Outcome.refused("'visibility' must be public or internal");
        }
        var comment = new Comment(order.id(), rule, body, Visibility.valueOf(visibility));
        repository.add(comment);
        return Outcome.applied(List.of(comment.asEvent()));
    }

    /**
     * {@code {type: 'notify', to, template, channel}}: {@code to} a role word (assignee, requester, team,
     * dispatchers) or a member (e-mail or id), or a list of them; {@code channel} one id or a list (in-app and e-mail
     * when absent). Recorded in this change's transaction, delivered after it commits.
     */
    private Outcome notify(JsonObject effect, WorkOrder order, Actor rule) {
        var to = texts(effect.get("to"));
        var channels = effect.containsKey("channel") ? texts(effect.get("channel")) : List.of("inapp", "email");
        var template = effect.getString("template", "");
        if (template.isBlank()) return Outcome.refused("notify needs a 'template'");
        if (channels.isEmpty()) return Outcome.refused("'channel' must name a channel");
        return notifications.notify(order, to, template, channels, NotificationOutbox.Happening.by(rule.id(),
                rule.name())).map(Outcome::refused).orElseGet(() -> Outcome.applied(List.of()));
    }

    private static List<String> texts(JsonValue value) {
        if (value instanceof JsonString text) return List.of(text.getString());
        if (value instanceof JsonArray items) {
            return items.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
        }
        return List.of();
    }

    /** {@code {type: 'remind', at, to, message?}}: scheduled with the change, noted in the history (internal). */
    private Outcome remind(JsonObject effect, WorkOrder order, Actor rule) {
        var scheduled = reminders.schedule(order, effect);
        if (scheduled.refusal() != null) return Outcome.refused(scheduled.refusal());
        return Outcome.applied(List.of(WorkOrderEvent.reminderScheduled(order.id(), rule,
                scheduled.at().toString(), scheduled.to())));
    }

    private static Outcome reject(JsonObject effect, String event) {
        if (!event.endsWith("ing")) {
            return Outcome.refused("a rule rejects a change only before it happens (the events ending in -ing)");
        }
        var message = effect.getString("message", "").strip();
        return new Outcome("applied", null, List.of(), message.isEmpty() ? "Rejected by a flow rule" : message);
    }

    private Optional<HostEffect> hostEffect(String type) {
        return hostEffects.stream().filter(host -> host.type().equals(type)).findFirst();
    }

    private static String ruleKey(Actor rule) {
        return rule.id().startsWith("rule:") ? rule.id().substring("rule:".length()) : rule.id();
    }

    private Optional<Member> member(String user) {
        if (user.contains("@")) return members.findByEmail(user);
        try {
            return members.find(UUID.fromString(user));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private Set<String> teams() {
        return configuration.current().map(active -> active.bundle().get("teams") instanceof JsonArray teams
                ? teams.getValuesAs(JsonObject.class).stream().map(t -> t.get("key")).filter(JsonString.class::isInstance)
                        .map(k -> ((JsonString) k).getString()).collect(Collectors.toSet())
                : Set.<String>of()).orElse(Set.of());
    }

    private static String reason(ProblemException problem) {
        var p = problem.problem();
        if (p.errors() != null && !p.errors().isEmpty()) {
            return p.errors().stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        }
        return p.detail();
    }
}
