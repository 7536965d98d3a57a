package dev.orden.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Runs {@link ConfigurationBackfill} at start-up, after the schema migrations and before demo tenants. */
@ApplicationScoped
public class ConfigurationBackfillOnStart {

    @Inject
    ConfigurationBackfill backfill;

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(5) Object event) {
        backfill.seedMissing();
    }
}
