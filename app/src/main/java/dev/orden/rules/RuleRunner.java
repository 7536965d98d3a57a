package dev.orden.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a tenant's rules on an event, one after another in their order. Each rule gets its input afresh from
 * {@code input}, so it sees what the rules before it did once {@code apply} has applied their effects; effects
 * never fire events themselves, so a change cannot loop.
 */
@ApplicationScoped
public class RuleRunner {

    @Inject
    RuleEngine engine;

    @Inject
    RuleMetrics metrics;

    public void run(UUID tenantId, RuleSet rules, String event, String type, Supplier<JsonObject> input,
                    Consumer<RuleRun> apply) {
        for (var entry : rules.on(event, type)) {
            apply.accept(new RuleRun(entry.definition(), rules.configVersion(), event, evaluate(tenantId, entry, input)));
        }
    }

    private Evaluation evaluate(UUID tenantId, RuleSet.Entry entry, Supplier<JsonObject> input) {
        var evaluation = entry.compiled() == null
                ? new Evaluation.Failed(entry.error(), List.of(), 0, new Evaluation.Usage(0, -1))
                : engine.evaluate(tenantId, entry.compiled(), input.get().toString(),
                        entry.definition().limits(engine.maxima()));
        metrics.count(evaluation);
        return evaluation;
    }
}
