package dev.orden.platform;

import dev.orden.tenant.DemoTenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** When demo tenants are configured, the server is ready only once they exist (retrying a failed seed). */
@Readiness
@ApplicationScoped
public class SeedReadiness implements HealthCheck {

    @Inject
    DemoTenants demoTenants;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("demo-tenants").status(demoTenants.seedQuietly()).build();
    }
}
