package dev.orden.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("members")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT})
public class MemberResource {

    public record MemberView(String id, String email, String name, List<String> roles, boolean assignable) {}

    @Inject
    MemberDirectory members;

    @GET
    @Operation(summary = "The tenant's people known to Orden, for pickers such as the assignee")
    public List<MemberView> list() {
        return members.all().stream()
                .map(m -> new MemberView(m.userId().toString(), m.email(), m.displayName(),
                        m.roles().stream().map(Role::roleName).sorted().toList(), m.canBeAssigned()))
                .toList();
    }
}
