package dev.orden.workorder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The tenant's teams and areas with their names, for staff pickers (assign, transfer) and boards: the configuration
 * API that holds them is for admins only.
 */
@Path("directory")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT})
public class DirectoryResource {

    /** Teams {key, name}; areas {key, name, parent}, the tree flattened with each area before its children. */
    public record Directory(List<PlaceNames.Place> teams, List<PlaceNames.Place> areas) {}

    @Inject
    ActiveConfiguration configuration;

    @GET
    @Operation(summary = "Staff: the teams and areas of the tenant's active configuration with their names per "
            + "language (areas flattened, each with its parent), for pickers; empty lists without a configuration")
    public Directory directory() {
        var bundle = configuration.current().map(ActiveConfiguration.Active::bundle).orElse(null);
        return new Directory(PlaceNames.teams(bundle), PlaceNames.areas(bundle));
    }
}
