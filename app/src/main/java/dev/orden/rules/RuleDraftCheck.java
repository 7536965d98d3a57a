package dev.orden.rules;

import dev.orden.config.DraftCheck;
import dev.orden.shared.problem.FieldError;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** A draft's rules compile and pass their tests in the caller's tenant's sandbox ({@link RuleChecks}). */
@ApplicationScoped
class RuleDraftCheck implements DraftCheck {

    @Inject
    RuleEngine engine;

    @Inject
    RuleSettings settings;

    @Inject
    TenantContext context;

    @Override
    public List<FieldError> check(JsonObject bundle) {
        return new RuleChecks(engine, settings.batchBudget()).check(context.tenantId(), bundle, Instant.now());
    }
}
