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
import dev.orden.identity.KeycloakReachability;
import dev.orden.identity.KeycloakSettings;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the schema is migrated and the database answers; Keycloak serving the realm's signing keys is reported
 * (reachable, or degraded since when) but keeps a server out of service only until it has reached Keycloak once.
 */
@ApplicationScoped
public class ReadinessChecks {

    @Resource(lookup = "jdbc/orden")
    DataSource dataSource;

    @Inject
    SchemaMigrations migrations;

    @Inject
    KeycloakSettings keycloak;

    @Inject
    KeycloakReachability reachability;

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

    /**
     * The key set is what token validation needs; probed at most every 15 s (every 3 s while unreachable) so
     * probes cost Keycloak little. A Keycloak outage is reported as degraded, not down: mpJwt validates tokens
     * with the keys it cached, so taking every replica out of service would turn a partial outage into a full one.
     * Down only while this server has never reached Keycloak: it has no keys to validate with.
     */
    @Produces
    @Readiness
    HealthCheck keycloakKeys() {
        return () -> {
            var age = Duration.between(keysCheckedAt, Instant.now()).toSeconds();
            var doubtful = !keysUp || reachability.unreachableSince().isPresent();
            if (age >= (doubtful ? 3 : 15)) {
                keysUp = fetchKeys();
                keysCheckedAt = Instant.now();
                if (keysUp) reachability.reached();
                else reachability.unreachable();
            }
            var check = HealthCheckResponse.named("keycloak-keys");
            var since = reachability.unreachableSince();
            if (since.isEmpty()) return check.up().withData("keycloak", "reachable").build();
            return check.status(reachability.seenOnce()).withData("keycloak", "unreachable")
                    .withData("degraded", true).withData("degradedSince", since.get().toString()).build();
        };
    }

    private boolean fetchKeys() {
        var client = ClientBuilder.newBuilder().connectTimeout(1, TimeUnit.SECONDS).readTimeout(2, TimeUnit.SECONDS)
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
