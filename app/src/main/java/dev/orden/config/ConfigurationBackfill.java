package dev.orden.config;

import dev.orden.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Gives version 1 of the default (or demo) configuration to every tenant that has none: tenants created before
 * configurations existed. Sign-up seeds new tenants itself; this only mends older data, once per start.
 */
@ApplicationScoped
public class ConfigurationBackfill {

    private static final Logger LOG = Logger.getLogger(ConfigurationBackfill.class.getName());

    @Inject
    TenantRepository tenants;

    @Inject
    ConfigService configuration;

    /** Returns how many tenants were given a configuration. */
    public int seedMissing() {
        int seeded = 0;
        for (var tenant : tenants.all()) {
            if (configuration.seedIfMissing(tenant.id(), tenant.slug())) {
                seeded++;
                LOG.info(() -> "Tenant '" + tenant.slug() + "' had no configuration: version 1 seeded");
            }
        }
        return seeded;
    }
}
