package dev.orden.rules;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Where rule evaluations are recorded and read back. */
@ApplicationScoped
public class RuleTraces {

    @Inject
    TenantEntityManager tenantEm;

    /** Records the run with the change it belongs to (same transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(RuleRun run, UUID workOrderId, RuleTrace.Outcome outcome, JsonArray effects) {
        tenantEm.em().persist(new RuleTrace(run, workOrderId, outcome, effects.toString()));
    }

    /**
     * Records runs of a change that is being rejected, in a transaction of their own so they outlive its rollback;
     * they name no order, since it is not stored.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordApart(UUID tenantId, List<Recorded> runs) {
        var em = tenantEm.bind(tenantId);
        runs.forEach(r -> em.persist(new RuleTrace(r.run(), null, r.outcome(), r.effects().toString())));
    }

    /** A run with its outcome and what became of each effect. */
    public record Recorded(RuleRun run, RuleTrace.Outcome outcome, JsonArray effects) {}

    @Transactional
    public List<RuleTrace> forOrder(UUID workOrderId) {
        return tenantEm.em().createQuery("SELECT t FROM RuleTrace t WHERE t.workOrderId = :order"
                + " ORDER BY t.occurredAt, t.id", RuleTrace.class).setParameter("order", workOrderId).getResultList();
    }

    /** The newest failures and rejections, of one rule or of all, newest first. */
    @Transactional
    public List<RuleTrace> errors(String ruleKey, int limit) {
        var query = tenantEm.em().createQuery("SELECT t FROM RuleTrace t WHERE t.outcome IN :failed"
                + (ruleKey == null ? "" : " AND t.ruleKey = :key") + " ORDER BY t.occurredAt DESC, t.id",
                RuleTrace.class).setParameter("failed", List.of(RuleTrace.Outcome.ERROR, RuleTrace.Outcome.REJECTED));
        if (ruleKey != null) query.setParameter("key", ruleKey);
        return query.setMaxResults(limit).getResultList();
    }
}
