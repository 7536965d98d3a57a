package dev.orden.workorder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.identity.CurrentUser;
import dev.orden.rules.RuleDefinition;
import dev.orden.rules.RuleSet;
import dev.orden.rules.RuleSets;
import dev.orden.rules.ScheduledRuleJobs;
import dev.orden.schedule.Job;
import dev.orden.schedule.JobHandler;
import dev.orden.schedule.Jobs;
import dev.orden.schedule.SchedulerActor;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Scheduled flow rules: the scheduler's jobs of kind {@code rule.schedule} (one per rule, see
 * {@link ScheduledRuleJobs}) run the rule of the tenant's <b>active</b> version at its cron times, and an admin can
 * run one now. A job whose rule the active version no longer schedules does nothing; the reconciliation of that
 * version removes it.
 */
@ApplicationScoped
class ScheduledRules implements JobHandler {

    @Inject
    RuleSets ruleSets;

    @Inject
    ActiveConfiguration configuration;

    @Inject
    ScheduledRuleRunner runner;

    @Inject
    Jobs jobs;

    @Inject
    TenantContext context;

    @Override
    public String kind() {
        return ScheduledRuleJobs.KIND;
    }

    @Override
    public void run(Job job) {
        scheduled(job.tenantId(), job.key(), job.dueAt(), SchedulerActor.USER).ifPresent(run ->
                runner.run(run, job.progress(), progress -> jobs.checkpoint(job, progress)));
    }

    @Override
    public Optional<Instant> next(Job job) {
        return ScheduledRuleJobs.next(job, Instant.now());
    }

    /** The active version's scheduled rule {@code key} run now by the caller: 404 unknown, 409 not scheduled. */
    ScheduledRuleRunner.Summary runNow(String key) {
        var tenantId = context.tenantId();
        var rule = ruleSets.active(tenantId).flatMap(set -> entry(set, key))
                .orElseThrow(() -> ProblemException.notFound("Rule " + key));
        if (!rule.definition().events().contains(RuleDefinition.SCHEDULE)) {
            throw new ProblemException(ProblemType.CONFLICT, "Rule " + key + " runs on events, not on the schedule");
        }
        if (rule.definition().mode() == RuleDefinition.Mode.DISABLED) {
            throw new ProblemException(ProblemType.CONFLICT, "Rule " + key + " is disabled");
        }
        return scheduled(tenantId, key, Instant.now(), context.user())
                .map(run -> runner.run(run, null, progress -> {}))
                .orElseThrow(() -> ProblemException.notFound("Rule " + key));
    }

    private Optional<ScheduledRun> scheduled(UUID tenantId, String key, Instant at, CurrentUser actor) {
        var active = configuration.forTenant(tenantId);
        var set = ruleSets.active(tenantId);
        if (active.isEmpty() || set.isEmpty()) return Optional.empty();
        var bundle = active.get().version() == set.get().configVersion() ? active.get().bundle()
                : JsonValue.EMPTY_JSON_OBJECT;
        return entry(set.get(), key).filter(e -> e.definition().events().contains(RuleDefinition.SCHEDULE)
                        && e.definition().mode() != RuleDefinition.Mode.DISABLED)
                .map(e -> new ScheduledRun(e, set.get().configVersion(), bundle, at, actor));
    }

    private static Optional<RuleSet.Entry> entry(RuleSet set, String key) {
        return set.rules().stream().filter(e -> e.definition().key().equals(key)).findFirst();
    }
}
