package dev.orden.workorder;

import dev.orden.identity.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

/**
 * What a satisfaction rating ({@code dev.orden.csat}) does to its order: a {@code RATED} history entry (who, when,
 * score, comment) and the flow rules of {@code csat.received}, through the same path as a live change's.
 */
@ApplicationScoped
public class SatisfactionEvents {

    public static final String RECEIVED = "csat.received";

    @Inject
    WorkOrderService service;

    @Inject
    WorkOrderRepository repository;

    @Inject
    WorkOrderRules rules;

    @Inject
    WorkOrderLifecycle lifecycle;

    /** The order by reference as the current user may see it; 404 otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkOrder visible(String reference) {
        return service.get(reference);
    }

    /** The order by id in the transaction's tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WorkOrder> find(UUID id) {
        return repository.find(id);
    }

    /** Records the rating in the history and fires {@code csat.received}, change {@code {csat: {score, comment, via}}}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rated(WorkOrder order, int score, String comment, String via, CurrentUser by) {
        var fired = rules.prepare();
        var csat = Json.createObjectBuilder().add("score", score).add("via", via);
        csat.add("comment", comment == null ? JsonValue.NULL : Json.createValue(comment));
        var change = Json.createObjectBuilder().add("csat", csat).build();
        var events = new ArrayList<WorkOrderEvent>();
        events.add(WorkOrderEvent.change(order.id(), Actor.of(by), EventKind.RATED, "satisfaction", null, score,
                comment));
        events.addAll(rules.fire(fired, RECEIVED, order, change, by));
        events.forEach(e -> e.recordedUnder(lifecycle.activeVersion()));
        repository.append(events);
        repository.flush();
    }
}
