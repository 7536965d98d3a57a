package dev.orden.schedule;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Starts this server's polling once the application is up (after migrations, seeding and rule warm-up). */
@ApplicationScoped
public class SchedulerStart {

    private static final Logger LOG = Logger.getLogger(SchedulerStart.class.getName());

    @Inject
    SchedulerSettings settings;

    @Inject
    Scheduler scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(40) Object event) {
        if (settings.enabled()) scheduler.start();
        else LOG.info("Scheduler disabled on this server (orden.scheduler.enabled=false): it runs no jobs");
    }
}
