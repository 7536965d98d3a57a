package dev.orden.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import dev.orden.identity.KeycloakSettings;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the schema is migrated, the database answers and Keycloak serves the realm's signing keys. */
@ApplicationScoped
public class ReadinessChecks {

    @Resource(lookup = "jdbc/orden")
    DataSource dataSource;

    @Inject
    SchemaMigrations migrations;

    @Inject
    KeycloakSettings keycloak;

    private volatile Instant keysCheckedAt = Instant.EPOCH;
    private volatile boolean keysUp;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                return HealthCheckResponse.named("database").status(migrations.isMigrated())
                        .withData("migrated", migrations.isMigrated()).build();
            } catch (Exception e) {
                return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
            }
        };
    }

    /** The key set is what token validation needs; checked at most every 15 s so probes cost Keycloak little. */
    @Produces
    @Readiness
    HealthCheck keycloakKeys() {
        return () -> {
            if (Duration.between(keysCheckedAt, Instant.now()).toSeconds() >= 15 || !keysUp) {
                keysUp = fetchKeys();
                keysCheckedAt = Instant.now();
            }
            return HealthCheckResponse.named("keycloak-keys").status(keysUp).build();
        };
    }

    private boolean fetchKeys() {
        var client = ClientBuilder.newBuilder().connectTimeout(2, TimeUnit.SECONDS).readTimeout(3, TimeUnit.SECONDS)
                .build();
        try {
            var response = client.target(keycloak.serverUrl()).path("realms").path(keycloak.realm())
                    .path("protocol/openid-connect/certs").request().get();
            try (response) {
                return response.getStatus() == 200 && response.readEntity(String.class).contains("\"keys\"");
            }
        } catch (RuntimeException e) {
            return false;
        } finally {
            client.close();
        }
    }
}
