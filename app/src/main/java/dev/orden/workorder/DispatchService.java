package dev.orden.workorder;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;

/**
 * A dispatcher asks a strategy to assign an order from the queue: the strategy picks, and the assignment is made as
 * the dispatcher's own (same checks, history entries with the strategy's reason, {@code workorder.assigned} rules).
 * The strategy's state changes only if the assignment is made: both are one transaction.
 */
@ApplicationScoped
@Transactional
class DispatchService {

    @Inject
    WorkOrderService orders;

    @Inject
    WorkOrderDispatch dispatch;

    @Inject
    TenantContext context;

    /**
     * 409 when the strategy finds no one (the reason says why); 422 for a strategy or team the tenant lacks, or for
     * a visit ({@code scheduledStart}, {@code scheduledEnd} in {@code visit}) that is not one.
     */
    WorkOrder dispatch(String reference, Integer expectedVersion, String strategy, String team, String reason,
                       JsonObject visit) {
        var order = orders.get(reference);
        WorkOrderPolicy.requireCanAssign(context.user());
        var errors = new ArrayList<FieldError>();
        var planned = Visit.read(visit, order.visit(), errors);
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        var decision = dispatch.decide(order, strategy, team != null ? team : order.team(), reason);
        if (!decision.assigns()) throw new ProblemException(ProblemType.CONFLICT, decision.reason());
        var assigned = orders.assign(reference, expectedVersion,
                new WorkOrderService.Assignment(decision.agentId(), decision.team(), decision.reason()));
        return planned.map(p -> orders.schedule(assigned, p.orElse(null), reason)).orElse(assigned);
    }
}
