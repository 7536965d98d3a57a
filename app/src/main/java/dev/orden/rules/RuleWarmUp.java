package dev.orden.rules;

import dev.orden.tenant.TenantRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Compiles every tenant's active rules and loads them into a sandbox context at start-up, so that no tenant's first
 * event pays GraalJS's warm-up (about a second in a new process). A rule that fails here is logged and still runs
 * (and fails, traced) on its events.
 */
@ApplicationScoped
public class RuleWarmUp {

    private static final Logger LOG = Logger.getLogger(RuleWarmUp.class.getName());

    @Inject
    TenantRepository tenants;

    @Inject
    RuleSets ruleSets;

    @Inject
    RuleEngine engine;

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(20) Object event) {
        long started = System.nanoTime();
        int warmed = 0;
        for (var tenant : tenants.all()) {
            try {
                var rules = ruleSets.active(tenant.id()).map(RuleSet::rules).orElse(java.util.List.of());
                var compiled = rules.stream().flatMap(entry -> entry.rule().stream()).toList();
                if (compiled.isEmpty()) continue;
                engine.warmUp(tenant.id(), compiled).forEach((rule, error) ->
                        LOG.warning(() -> "Tenant " + tenant.slug() + ": rule " + rule.name() + " does not load: " + error));
                warmed++;
            } catch (RuntimeException e) {
                LOG.warning(() -> "Tenant " + tenant.slug() + ": rules not warmed up: " + e);
            }
        }
        int count = warmed;
        LOG.info(() -> "Flow rules of " + count + " tenants warmed up in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
}
