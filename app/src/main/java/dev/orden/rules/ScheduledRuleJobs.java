package dev.orden.rules;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.ConfigurationActivated;
import dev.orden.config.TenantSettings;
import dev.orden.schedule.Cron;
import dev.orden.schedule.Job;
import dev.orden.schedule.Jobs;
import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

/**
 * One scheduler job per scheduled rule of a tenant's active version (kind {@code rule.schedule}, key the rule's
 * key), due at the rule's next cron time. Reconciled when a version becomes active (in that transaction: a new
 * version's schedules replace the old ones) and at start-up: a rule whose cron is unchanged keeps its due time,
 * a changed cron starts afresh, a rule no longer scheduled loses its job.
 *
 * <p>Cron times are read in the tenant's time zone ({@code settings.json}; UTC by default).
 */
@ApplicationScoped
public class ScheduledRuleJobs {

    public static final String KIND = "rule.schedule";


    @Inject
    Jobs jobs;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    ActiveConfiguration configuration;

    void onActivated(@Observes ConfigurationActivated activated) {
        tenantEm.bind(activated.tenantId());
        reconcile(activated.bundle(), Instant.now());
    }

    /** The tenant's jobs made to match its active version (start-up). */
    @Transactional
    public void reconcile(UUID tenantId) {
        tenantEm.bind(tenantId);
        configuration.forTenant(tenantId).ifPresent(active -> reconcile(active.bundle(), Instant.now()));
    }

    private void reconcile(JsonObject bundle, Instant now) {
        var zone = zone(bundle);
        var keys = new ArrayList<String>();
        for (var rule : RuleDefinition.of(bundle)) {
            var cron = rule.isScheduled() ? parse(rule.schedule()) : Optional.<Cron>empty();
            var due = cron.flatMap(c -> c.next(now, zone));
            if (due.isEmpty()) continue;
            keys.add(rule.key());
            jobs.schedule(KIND, rule.key(), cron.get().expression() + " " + zone.getId(),
                    Json.createObjectBuilder().add("cron", cron.get().expression()).add("zone", zone.getId()).build(),
                    due.get());
        }
        jobs.keepOnly(KIND, keys);
    }

    /**
     * The job's next due time after this one. Times missed while no server ran are not caught up one by one:
     * the next time is the first one after now (a rule over "orders older than 48 hours" run three times in a
     * row would find the same orders).
     */
    public static Optional<Instant> next(Job job, Instant now) {
        var after = job.dueAt().isAfter(now) ? job.dueAt() : now;
        return parse(job.payload().getString("cron", null))
                .flatMap(cron -> cron.next(after, ZoneId.of(job.payload().getString("zone", "UTC"))));
    }

    static ZoneId zone(JsonObject bundle) {
        return TenantSettings.of(bundle).timeZone();
    }

    private static Optional<Cron> parse(String expression) {
        try {
            return Optional.of(Cron.parse(expression));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }
}
