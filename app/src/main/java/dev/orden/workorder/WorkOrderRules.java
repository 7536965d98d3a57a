package dev.orden.workorder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.identity.CurrentUser;
import dev.orden.rules.RuleDefinition;
import dev.orden.rules.RuleRun;
import dev.orden.rules.RuleRunner;
import dev.orden.rules.RuleSet;
import dev.orden.rules.RuleSets;
import dev.orden.rules.RuleTrace;
import dev.orden.rules.RuleTraces;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's flow rules on work-order events. Every run is traced; a failed rule and a refused effect are also
 * noted in the order's history (internal); a rejection — a {@code reject} effect before a change, or a failure
 * of a rule whose policy is {@code reject} — turns the whole change down with a 422 {@code rule-rejected} problem
 * naming the rule, its traces kept apart since the change is rolled back.
 */
@ApplicationScoped
class WorkOrderRules {

    @Inject
    RuleSets ruleSets;

    @Inject
    RuleRunner runner;

    @Inject
    RuleTraces traces;

    @Inject
    RuleEffects effects;

    @Inject
    TenantContext context;

    @Inject
    ActiveConfiguration configuration;

    /** The rules the change will run, read once before the order changes (reading later would flush it early). */
    Optional<Fired> prepare() {
        var tenantId = context.tenantId();
        return ruleSets.active(tenantId).filter(set -> !set.isEmpty())
                .map(set -> new Fired(set, configuration.current().map(ActiveConfiguration.Active::bundle)
                        .orElse(JsonValue.EMPTY_JSON_OBJECT)));
    }

    /** A change's rules and the bundle their input shows (teams, areas). */
    record Fired(RuleSet rules, JsonObject bundle) {}

    /** Runs the rules on {@code event}; returns the history entries of what they changed. */
    List<WorkOrderEvent> fire(Optional<Fired> prepared, String event, WorkOrder order, JsonObject change,
                              CurrentUser user) {
        if (prepared.isEmpty()) return List.of();
        var fired = prepared.get();
        var tenantId = context.tenantId();
        var history = new ArrayList<WorkOrderEvent>();
        var recorded = new ArrayList<RuleTraces.Recorded>();
        var rejection = new String[1];
        runner.run(tenantId, fired.rules(), event, order.type(),
                () -> RuleOrder.input(event, order, change, user, fired.bundle()),
                run -> {
                    if (rejection[0] != null) return;
                    var outcome = apply(run, order, event, history);
                    recorded.add(outcome.recorded());
                    rejection[0] = outcome.rejection();
                });
        if (rejection[0] != null) {
            traces.recordApart(tenantId, recorded);
            throw new ProblemException(ProblemType.RULE_REJECTED, rejection[0]);
        }
        recorded.forEach(r -> traces.record(r.run(), order.id(), r.outcome(), r.effects()));
        return history;
    }

    private record Applied(RuleTraces.Recorded recorded, String rejection) {}

    private Applied apply(RuleRun run, WorkOrder order, String event, List<WorkOrderEvent> history) {
        var rule = new Actor("rule:" + run.definition().key(), run.definition().name() + " (" + run.label() + ")");
        if (run.error().isPresent()) {
            var failure = run.error().get();
            var error = failure.kind() + (failure.line() == null ? "" : " at " + failure.line() + ":" + failure.column())
                    + ": " + RuleRun.shortMessage(failure);
            history.add(WorkOrderEvent.ruleFailure(order.id(), rule, "Rule " + run.label() + " failed: " + error));
            var rejection = run.definition().onError() == RuleDefinition.OnError.REJECT
                    ? "Rule " + run.definition().name() + " (" + run.label() + ") failed, and its policy rejects the change: "
                    + error
                    : null;
            return new Applied(new RuleTraces.Recorded(run, RuleTrace.Outcome.ERROR, JsonValue.EMPTY_JSON_ARRAY),
                    rejection);
        }
        var described = Json.createArrayBuilder();
        if (run.isShadow()) {
            run.effects().forEach(effect -> described.add(Json.createObjectBuilder().add("effect", effect)
                    .add("status", "would_apply")));
            var outcome = run.effects().isEmpty() ? RuleTrace.Outcome.NO_EFFECTS : RuleTrace.Outcome.SHADOW;
            return new Applied(new RuleTraces.Recorded(run, outcome, described.build()), null);
        }
        String rejection = null;
        boolean refused = false;
        for (var value : run.effects()) {
            var outcome = effects.apply(value.asJsonObject(), order, event, rule);
            described.add(outcome.describe(value));
            history.addAll(outcome.history());
            if ("refused".equals(outcome.status())) {
                refused = true;
                history.add(WorkOrderEvent.ruleFailure(order.id(), rule, "Rule " + run.label() + ": effect "
                        + value.asJsonObject().getString("type", "?") + " refused: " + outcome.reason()));
            }
            if (outcome.rejection() != null) {
                rejection = outcome.rejection();
                break;
            }
        }
        var result = rejection != null ? RuleTrace.Outcome.REJECTED
                : run.effects().isEmpty() ? RuleTrace.Outcome.NO_EFFECTS
                : refused ? RuleTrace.Outcome.PARTLY_REFUSED : RuleTrace.Outcome.APPLIED;
        return new Applied(new RuleTraces.Recorded(run, result, described.build()), rejection);
    }
}
