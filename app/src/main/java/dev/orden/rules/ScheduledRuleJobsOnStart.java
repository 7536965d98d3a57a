package dev.orden.rules;

import dev.orden.tenant.TenantRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every tenant's scheduled-rule jobs reconciled at start-up, before the scheduler starts polling: a release that
 * reads schedules differently, or a job lost by hand, is set right. Each tenant on its own, so one tenant's
 * trouble leaves the others scheduled.
 */
@ApplicationScoped
public class ScheduledRuleJobsOnStart {

    private static final Logger LOG = Logger.getLogger(ScheduledRuleJobsOnStart.class.getName());

    @Inject
    TenantRepository tenants;

    @Inject
    ScheduledRuleJobs jobs;

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(30) Object event) {
        for (var tenant : tenants.all()) {
            try {
                jobs.reconcile(tenant.id());
            } catch (RuntimeException e) {
                LOG.warning(() -> "Tenant " + tenant.slug() + ": scheduled rules not reconciled: " + e);
            }
        }
    }
}
