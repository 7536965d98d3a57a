package dev.orden.identity;

import dev.orden.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT, Role.Names.REQUESTER})
public class MeResource {

    public record Me(String id, String username, String email, String name, String tenant, String tenantName,
                     List<String> roles) {}

    @Inject
    TenantContext context;

    @GET
    @Operation(summary = "The caller: user id (what assignment takes as assignee), tenant and roles")
    public Me me() {
        var user = context.user();
        var tenant = context.tenant();
        return new Me(user.id(), user.username(), user.email(), user.displayName(), tenant.slug(), tenant.name(),
                user.roles().stream().map(Role::roleName).sorted().toList());
    }
}
