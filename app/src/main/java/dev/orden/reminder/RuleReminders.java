package dev.orden.reminder;

import dev.orden.schedule.Jobs;
import dev.orden.workorder.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * A flow rule's {@code remind} effect: checked, then scheduled in the transaction of the change the rule ran for
 * (so it exists exactly when that change commits). Sent by {@link ReminderDelivery} like the automatic reminders,
 * to whoever {@code to} names then, and dropped with them when the order is resolved or closed.
 */
@ApplicationScoped
public class RuleReminders {

    /** A scheduled reminder (when, to whom as stored), or the reason it was refused. */
    public record Outcome(Instant at, String to, String refusal) {}

    @Inject
    Jobs jobs;

    @Inject
    Recipients recipients;

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome schedule(WorkOrder order, JsonObject effect) {
        var remind = RemindEffect.read(effect, Instant.now());
        if (remind.refusal() != null) return new Outcome(null, null, remind.refusal());
        var to = audience(order, remind.to());
        if (to.refusal() != null) return to;
        var payload = Json.createObjectBuilder().add("order", order.id().toString())
                .add("kind", ReminderKind.RULE.key()).add("at", remind.at().toString()).add("to", to.to());
        if (remind.message() != null) payload.add("message", remind.message());
        jobs.schedule(ReminderJobs.KIND, ReminderPlan.ruleKey(order.id(), remind.at(), to.to()), remind.at().toString(),
                payload.build(), remind.at());
        return new Outcome(remind.at(), to.to(), null);
    }

    /** {@code to} as stored: a role on the order that has someone now, or {@code user:<id>} of a member. */
    private Outcome audience(WorkOrder order, String to) {
        return switch (to) {
            case Recipients.ASSIGNEE, Recipients.REQUESTER, Recipients.TEAM -> recipients.of(order, to).isEmpty()
                    ? new Outcome(null, null, "the order has no " + to + (to.equals(Recipients.TEAM)
                            ? " with members Orden knows" : "") + " to remind")
                    : new Outcome(null, to, null);
            default -> recipients.member(to).map(m -> new Outcome(null, Recipients.USER + m.userId(), null))
                    .orElseGet(() -> new Outcome(null, null, "'" + to + "' is not a member of this tenant"));
        };
    }
}
