package dev.orden.recurring;

import dev.orden.schedule.Job;
import dev.orden.schedule.JobHandler;
import dev.orden.schedule.SchedulerSettings;
import dev.orden.tenant.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The series' jobs, kind {@code recurring}: one per series, key the series id, payload {@code {series}}, due at
 * the creation time of its next occurrence. The series row, not the job, says which occurrence that is; after a
 * run the job is due again at the next one's, or removed when there is none (an after-completion series gets it
 * back when its order is completed).
 */
@ApplicationScoped
class SeriesJobs implements JobHandler {

    static final String KIND = "recurring";

    @Inject
    SeriesGeneration generation;

    @Inject
    TenantWork tenantWork;

    @Inject
    SchedulerSettings settings;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) throws Exception {
        var seriesId = seriesOf(job);
        var series = generation.find(seriesId);
        if (series.isEmpty()) return;
        // The job's request context is active already: this names the series as its user.
        tenantWork.run(job.tenantId(), SeriesActor.of(series.get()), () -> {
            generation.run(seriesId, Instant.now());
            return null;
        });
    }

    @Override
    public Optional<Instant> next(Job job) {
        return generation.dueAt(job.tenantId(), seriesOf(job), job.dueAt(), job.attempts() >= settings.maxAttempts());
    }

    private static UUID seriesOf(Job job) {
        return UUID.fromString(job.payload().getString("series"));
    }
}
