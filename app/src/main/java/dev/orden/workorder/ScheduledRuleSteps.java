package dev.orden.workorder;

import dev.orden.rules.RuleInput;
import dev.orden.rules.RuleRunner;
import dev.orden.rules.RuleTrace;
import dev.orden.rules.RuleTraces;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The steps of a scheduled rule's run, each in a transaction of its own that also records how far the run got
 * (the job's checkpoint): one order changed through the same path as a live event's rules, or the one evaluation
 * of a rule that selects no orders.
 */
@ApplicationScoped
class ScheduledRuleSteps {

    /** Where a run records its progress, in the transaction of the step that made it. */
    @FunctionalInterface
    interface Checkpoint {
        void reached(JsonObject progress);
    }

    @Inject
    WorkOrderRepository repository;

    @Inject
    WorkOrderRules rules;

    @Inject
    RuleRunner runner;

    @Inject
    RuleTraces traces;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    TenantContext context;

    @Inject
    @Any
    Instance<HostEffect> hostEffects;

    /**
     * The rule on one order, its effects applied and its history and trace written; returns the trace's outcome.
     * A rule that rejects (its failure policy) throws the 422 problem, rolling this order back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    String onOrder(ScheduledRun run, UUID orderId, JsonObject progress, Checkpoint checkpoint) {
        var order = repository.find(orderId);
        var outcome = "GONE";
        if (order.isPresent()) {
            var fired = new WorkOrderRules.Fired(run.ruleSet(), run.bundle());
            var events = rules.fire(Optional.of(fired), ScheduledRun.EVENT, order.get(), run.change(), run.actor());
            events.forEach(event -> event.recordedUnder(run.configVersion()));
            repository.append(events);
            repository.flush();
            outcome = lastOutcome(run, orderId);
        }
        checkpoint.reached(progress);
        return outcome;
    }

    /** Past an order whose change the rule rejected: only the progress is recorded. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void skip(JsonObject progress, Checkpoint checkpoint) {
        checkpoint.reached(progress);
    }

    /** The rule evaluated once with no order; returns its trace's outcome and effects. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    JsonObject withoutOrder(ScheduledRun run, JsonObject progress, Checkpoint checkpoint) {
        var result = Json.createObjectBuilder().add("outcome", "NOT_RUN");
        runner.run(context.tenantId(), run.ruleSet(), ScheduledRun.EVENT, null,
                () -> RuleInput.withoutOrder(ScheduledRun.EVENT, run.change(), RuleInput.actor(run.actor()),
                        Instant.now(), run.bundle()),
                ruleRun -> {
                    var judged = NoOrderEffects.judge(ruleRun, hostEffects.stream()
                            .collect(Collectors.toMap(HostEffect::type, Function.identity(), (a, b) -> a)));
                    traces.record(ruleRun, null, judged.outcome(), judged.effects());
                    result.add("outcome", judged.outcome().name()).add("effects", judged.effects());
                });
        checkpoint.reached(progress);
        return result.build();
    }

    private String lastOutcome(ScheduledRun run, UUID orderId) {
        return tenantEm.em().createQuery("SELECT t.outcome FROM RuleTrace t WHERE t.workOrderId = :order"
                        + " AND t.ruleKey = :rule AND t.event = :event ORDER BY t.occurredAt DESC", RuleTrace.Outcome.class)
                .setParameter("order", orderId).setParameter("rule", run.definition().key())
                .setParameter("event", ScheduledRun.EVENT).setMaxResults(1).getResultStream()
                .findFirst().map(Enum::name).orElse("NOT_RUN");
    }
}
