package dev.orden.schedule;

import dev.orden.tenant.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs one claimed job to its end: its handler, as its tenant, then settles the row — next due time (recurring),
 * removal (one-off), or a retry after a backoff; a job that failed {@code max-attempts} times is given up on for
 * this due time (recurring: on to the next one) or for good (one-off). A lost lease settles nothing: the job is
 * another server's now.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class.getName());

    @Inject
    @Any
    Instance<JobHandler> handlers;

    @Inject
    JobLeases leases;

    @Inject
    TenantWork tenantWork;

    @Inject
    SchedulerSettings settings;

    private volatile Map<String, JobHandler> byKind;

    /**
     * The kinds this server runs: those it has handlers for (a server of an older release leaves new kinds alone),
     * and of them only {@code orden.scheduler.kinds} when that is set.
     */
    public Set<String> kinds() {
        var only = settings.kinds();
        return only.isEmpty() ? handlers().keySet()
                : handlers().keySet().stream().filter(only::contains).collect(Collectors.toUnmodifiableSet());
    }

    public void run(ClaimedJob claimed) {
        var job = leases.load(claimed);
        if (job.isEmpty()) return;
        var handler = handlers().get(job.get().kind());
        try {
            tenantWork.run(claimed.tenantId(), SchedulerActor.USER, () -> {
                handler.run(job.get());
                return null;
            });
            settle(job.get(), Settlement.afterSuccess(handler.next(job.get())));
        } catch (LeaseLost lost) {
            LOG.info(lost::getMessage);
        } catch (Exception | LinkageError e) {
            failed(handler, job.get(), e);
        }
    }

    private void failed(JobHandler handler, Job job, Throwable e) {
        var error = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.log(Level.WARNING, "Job " + job.kind() + "/" + job.key() + " of tenant " + job.tenantId() + " failed"
                + " (attempt " + job.attempts() + "): " + error, e);
        settle(job, Settlement.afterFailure(job.attempts(), settings.maxAttempts(), settings.backoff(), Instant.now(),
                error, () -> handler.next(job)));
    }

    private void settle(Job job, Settlement settlement) {
        if (!leases.settle(job, settlement)) {
            LOG.info(() -> "Job " + job.kind() + "/" + job.key() + " finished after its lease was lost");
        }
    }

    private Map<String, JobHandler> handlers() {
        if (byKind == null) {
            byKind = handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::kind, Function.identity()));
        }
        return byKind;
    }
}
