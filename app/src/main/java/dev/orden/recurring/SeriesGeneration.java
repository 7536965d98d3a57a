package dev.orden.recurring;

import dev.orden.recurring.Series.Status;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.workorder.WorkOrderService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Makes the order of a series' due occurrence, once: in one transaction the series is locked, the occurrence
 * taken in {@code recurring_occurrence} (its primary key turns a retried or concurrent run away), the order
 * created through the work-order service (history, assignment rules, flow rules, SLA) by the series, linked, and
 * the series moved on. After downtime only the latest missed occurrence is made.
 */
@ApplicationScoped
class SeriesGeneration {

    private static final Logger LOG = Logger.getLogger(SeriesGeneration.class.getName());

    @Inject
    SeriesRepository repository;

    @Inject
    WorkOrderService workOrders;

    @Inject
    TenantEntityManager tenantEm;

    @Transactional
    Optional<Series> find(UUID seriesId) {
        return repository.find(seriesId);
    }

    /** Runs as the series (the current user); does nothing when nothing of the series is due. */
    @Transactional
    void run(UUID seriesId, Instant now) {
        var found = repository.lock(seriesId);
        if (found.isEmpty()) return;
        var series = found.get();
        var next = series.nextOccurrence();
        var plan = series.definition().plan();
        if (series.status() != Status.ACTIVE || next == null || plan.createAt(next).isAfter(now)) return;
        var occurrence = plan.latestDue(next, now);
        int generated = series.generated();
        if (repository.claim(seriesId, occurrence)) {
            var template = Json.createObjectBuilder(series.definition().template())
                    .add("dueAt", occurrence.toString()).build();
            var order = workOrders.createFromTemplate(template);
            repository.link(seriesId, occurrence, order.id());
            generated++;
        } else {
            LOG.info(() -> "Series " + seriesId + " already made its order of " + occurrence);
        }
        repository.save(series.advancedPast(occurrence, generated, now));
    }

    /**
     * When the series' job is due next: its next order's creation time, none when it has no next occurrence. Asked
     * by the scheduler after a run, outside the job's tenant work (so the tenant is bound here); {@code givenUp}
     * when that run failed its last attempt: the occurrence it was for is then skipped, so that one order that
     * cannot be made (a template the configuration no longer accepts) does not hold the series up for good.
     */
    @Transactional
    Optional<Instant> dueAt(UUID tenantId, UUID seriesId, Instant jobDueAt, boolean givenUp) {
        tenantEm.bind(tenantId);
        var found = repository.lock(seriesId)
                .filter(series -> series.status() == Status.ACTIVE && series.nextOccurrence() != null);
        if (found.isEmpty()) return Optional.empty();
        var series = found.get();
        var plan = series.definition().plan();
        if (givenUp && !plan.createAt(series.nextOccurrence()).isAfter(jobDueAt)) {
            var skipped = series.nextOccurrence();
            LOG.warning(() -> "Series " + seriesId + " skips its occurrence of " + skipped + " after failed attempts");
            series = series.advancedPast(skipped, series.generated(), Instant.now());
            repository.save(series);
        }
        return Optional.ofNullable(series.nextOccurrence()).map(plan::createAt);
    }
}
