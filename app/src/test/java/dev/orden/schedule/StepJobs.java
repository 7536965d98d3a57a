package dev.orden.schedule;

import dev.orden.tenant.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A job kind for the in-container scheduler tests ({@code test.steps}): works in {@code steps} steps, each in its
 * own transaction with a checkpoint; its payload makes it fail the first {@code failAttempts} attempts outright,
 * or fail its first attempt inside step {@code failAt} (that step rolls back); {@code recurs} makes it daily.
 */
@ApplicationScoped
public class StepJobs implements JobHandler {

    public static final String KIND = "test.steps";

    private final List<String> committed = new CopyOnWriteArrayList<>();
    private final List<UUID> tenantsSeen = new CopyOnWriteArrayList<>();

    @Resource
    UserTransaction tx;

    @Inject
    Jobs jobs;

    @Inject
    TenantContext context;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) throws Exception {
        tenantsSeen.add(context.tenantId());
        if (job.attempts() <= job.payload().getInt("failAttempts", 0)) {
            throw new IllegalStateException("attempt " + job.attempts() + " fails");
        }
        int from = job.progress() == null ? 0 : job.progress().getInt("step");
        for (int step = from + 1; step <= job.payload().getInt("steps", 1); step++) {
            tx.begin();
            try {
                jobs.checkpoint(job, Json.createObjectBuilder().add("step", step).build());
                if (step == job.payload().getInt("failAt", 0) && job.attempts() == 1) {
                    throw new IllegalStateException("step " + step + " fails");
                }
                tx.commit();
                committed.add(job.key() + ":" + step);
            } finally {
                if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) tx.rollback();
            }
        }
    }

    /** "key:step" for every step of job {@code key} that committed, in order (a method: the bean is proxied). */
    public List<String> committed(String key) {
        return committed.stream().filter(step -> step.startsWith(key + ":")).toList();
    }

    /** How many runs saw {@code tenant} as the current tenant. */
    public long runsAs(UUID tenant) {
        return tenantsSeen.stream().filter(tenant::equals).count();
    }

    @Override
    public Optional<Instant> next(Job job) {
        return job.payload().getBoolean("recurs", false) ? Optional.of(job.dueAt().plus(Duration.ofDays(1)))
                : Optional.empty();
    }
}
