package dev.orden.portal;

import dev.orden.identity.KeycloakSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Where the portal signs in: public, read by the page before it has a token (docs/portal.md). */
@Path("portal/config")
@PermitAll
public class PortalConfigResource {

    public record PortalConfig(String keycloakUrl, String realm, String clientId) {}

    @Inject
    KeycloakSettings keycloak;

    @Inject
    @ConfigProperty(name = "orden.portal.client-id", defaultValue = "orden-portal")
    String clientId;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The portal's sign-in: Keycloak's public URL, realm and the portal's public client")
    public PortalConfig config() {
        return new PortalConfig(keycloak.publicUrl(), keycloak.realm(), clientId);
    }
}
