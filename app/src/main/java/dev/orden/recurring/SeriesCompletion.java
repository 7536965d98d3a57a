package dev.orden.recurring;

import dev.orden.config.workflow.StateCategory;
import dev.orden.workorder.EventKind;
import dev.orden.workorder.WorkOrderChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Schedules the next occurrence of an after-completion series when its latest order reaches the resolved category,
 * in the transaction of that change.
 */
@ApplicationScoped
class SeriesCompletion {

    @Inject
    SeriesRepository repository;

    @Inject
    SeriesService service;

    void onChange(@Observes WorkOrderChanged change) {
        var order = change.order();
        if (order == null || order.statusCategory() != StateCategory.RESOLVED) return;
        if (change.entries().stream().noneMatch(entry -> entry.kind() == EventKind.STATUS_CHANGED)) return;
        repository.linkOf(order.id()).ifPresent(link -> service.completed(link, Instant.now()));
    }
}
