package dev.orden.workorder;

import dev.orden.rules.admin.OrderSamples;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Work orders for a flow-rule dry run, as a live event shows them to a rule ({@link RuleOrder}). */
@ApplicationScoped
class RuleOrderSamples implements OrderSamples {

    @Inject
    WorkOrderRepository repository;

    @Override
    @Transactional
    public Optional<Sample> find(String reference) {
        return WorkOrderReference.parse(reference).find(repository).map(RuleOrderSamples::sample);
    }

    @Override
    @Transactional
    public List<Sample> latest(int count) {
        return repository.latest(count).stream().map(RuleOrderSamples::sample).toList();
    }

    private static Sample sample(WorkOrder order) {
        return new Sample(order.id().toString(), order.displayNumber(), order.type(), RuleOrder.json(order));
    }
}
