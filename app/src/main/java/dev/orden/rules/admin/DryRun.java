package dev.orden.rules.admin;

import dev.orden.config.ActiveConfiguration;
import dev.orden.rules.Compilation;
import dev.orden.rules.CompiledRule;
import dev.orden.rules.Evaluation;
import dev.orden.rules.RuleDefinition;
import dev.orden.rules.RuleEngine;
import dev.orden.rules.RuleError;
import dev.orden.rules.RuleInput;
import dev.orden.rules.RuleSettings;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Draft rules tried on the tenant's orders with nothing applied and nothing written: each rule gets the input a live
 * event would give it (the order as stored, the caller as actor, the active configuration's teams and areas), under
 * its own limits. Effects are not applied, so, unlike live, a rule does not see what the rules before it would do.
 *
 * <p>A runaway draft cannot hold the request: a rule stopped by a limit of time, statements or memory is not run on
 * the orders after that one, and the whole run has one time budget ({@code orden.rules.batch-budget}); what is left
 * out is listed as a {@code NOT_RUN} error saying why.
 */
@ApplicationScoped
public class DryRun {

    private static final Set<RuleError.Kind> RUNAWAY = EnumSet.of(RuleError.Kind.TIMEOUT,
            RuleError.Kind.STATEMENT_LIMIT, RuleError.Kind.MEMORY);

    @Inject
    RuleEngine engine;

    @Inject
    RuleSettings settings;

    @Inject
    OrderSamples samples;

    @Inject
    ActiveConfiguration configuration;

    @Inject
    TenantContext context;

    private record Draft(RuleDefinition definition, CompiledRule compiled) {}

    JsonObject run(DryRunRequest request) {
        var rules = compiled(request.rules());
        var orders = orders(request.orders());
        var bundle = configuration.current().map(ActiveConfiguration.Active::bundle)
                .orElse(JsonValue.EMPTY_JSON_OBJECT);
        var trial = new Trial(request, context.tenantId(), RuleInput.actor(context.user()), Instant.now(), bundle,
                System.nanoTime() + settings.batchBudget().toNanos());
        var report = new DryRunReport();
        var oneOrder = !(request.orders() instanceof DryRunRequest.Latest);
        for (var order : orders) report.finish(tryOn(trial, rules, order, report.start(order, oneOrder)));
        return report.json();
    }

    /** The rules compiled, in the order they run; any that does not compile makes the request a 422. */
    private List<Draft> compiled(List<RuleDefinition> rules) {
        var drafts = new ArrayList<Draft>();
        var errors = new ArrayList<FieldError>();
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            switch (engine.compile(rule.key(), rule.source())) {
                case Compilation.Compiled ok -> drafts.add(new Draft(rule, ok.rule()));
                case Compilation.Rejected rejected -> errors.add(new FieldError("/rules/" + i + "/source",
                        "rule '" + rule.key() + "': " + rejected.error().placed()));
            }
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        drafts.sort(Comparator.comparingInt((Draft d) -> d.definition().order()).thenComparing(d -> d.definition().key()));
        return drafts;
    }

    private List<OrderSamples.Sample> orders(DryRunRequest.Orders orders) {
        return switch (orders) {
            case DryRunRequest.Stored stored -> List.of(samples.find(stored.reference())
                    .orElseThrow(() -> ProblemException.notFound("Work order " + stored.reference())));
            case DryRunRequest.Given given -> List.of(new OrderSamples.Sample(null, string(given.order(), "number"),
                    string(given.order(), "type"), given.order()));
            case DryRunRequest.Latest latest -> samples.latest(latest.count());
        };
    }

    private DryRunReport.Result tryOn(Trial trial, List<Draft> rules, OrderSamples.Sample order,
                                      DryRunReport.Result result) {
        var inputs = new HashMap<String, String>();
        for (var rule : rules) {
            var key = rule.definition().key();
            var event = trial.request.event() != null ? trial.request.event() : rule.definition().firstEvent();
            if (!rule.definition().runsOn(event, order.type())) continue;
            var stopped = trial.stopped(key);
            if (stopped != null) {
                result.notRun(key, stopped);
                continue;
            }
            var input = inputs.computeIfAbsent(event, e -> RuleInput.of(e, order.order(), trial.request.change(),
                    trial.actor, trial.now, trial.bundle).toString());
            var evaluation = engine.evaluate(trial.tenantId, rule.compiled(), input,
                    rule.definition().limits(engine.maxima()));
            result.took(evaluation.usage().durationMicros());
            result.log(key, evaluation.log());
            switch (evaluation) {
                case Evaluation.Effects effects -> result.effects(key, effects.effects());
                case Evaluation.Failed failed -> {
                    result.error(key, failed.error());
                    trial.failed(key, failed.error(), order);
                }
            }
        }
        return result;
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /** One dry run under way: what every input shares, its deadline, and the rules it stopped running. */
    private final class Trial {
        private final DryRunRequest request;
        private final UUID tenantId;
        private final JsonObject actor;
        private final Instant now;
        private final JsonObject bundle;
        private final long deadlineNanos;
        private final Map<String, String> stopped = new HashMap<>();

        Trial(DryRunRequest request, UUID tenantId, JsonObject actor, Instant now, JsonObject bundle,
              long deadlineNanos) {
            this.request = request;
            this.tenantId = tenantId;
            this.actor = actor;
            this.now = now;
            this.bundle = bundle;
            this.deadlineNanos = deadlineNanos;
        }

        /** Why the rule is not run any more; null when it still runs. */
        String stopped(String rule) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return "not run: a dry run may take " + settings.batchBudget().toMillis() + " ms in all";
            }
            return stopped.get(rule);
        }

        void failed(String rule, RuleError error, OrderSamples.Sample order) {
            if (RUNAWAY.contains(error.kind())) {
                stopped.put(rule, "not run: it hit " + error.kind() + " on "
                        + (order.number() != null ? order.number() : "an earlier order")
                        + ", so the rest of this dry run goes without it");
            }
        }
    }
}
