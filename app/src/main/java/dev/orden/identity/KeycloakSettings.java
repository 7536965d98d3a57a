package dev.orden.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Keycloak is. {@code orden.kc.url} is the public address (the tokens' issuer); the server may reach
 * Keycloak by another address inside a cluster ({@code orden.kc.internal-url}).
 */
@ApplicationScoped
public class KeycloakSettings {

    @Inject
    @ConfigProperty(name = "orden.kc.url", defaultValue = "http://127.0.0.1:8180")
    String url;

    @Inject
    @ConfigProperty(name = "orden.kc.internal-url")
    Optional<String> internalUrl;

    @Inject
    @ConfigProperty(name = "orden.kc.realm", defaultValue = "orden")
    String realm;

    @Inject
    @ConfigProperty(name = "orden.kc.admin-client-id", defaultValue = "orden-api")
    String adminClientId;

    @Inject
    @ConfigProperty(name = "orden.kc.admin-client-secret", defaultValue = "orden-dev-secret")
    String adminClientSecret;

    /** The base URL this server calls. */
    public String serverUrl() {
        return internalUrl.filter(u -> !u.isBlank()).orElse(url);
    }

    /** The address browsers use (the portal's sign-in). */
    public String publicUrl() {
        return url;
    }

    public String realm() {
        return realm;
    }

    public String adminClientId() {
        return adminClientId;
    }

    public String adminClientSecret() {
        return adminClientSecret;
    }
}
