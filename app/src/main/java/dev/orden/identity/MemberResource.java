package dev.orden.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("members")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT})
public class MemberResource {

    public record MemberView(String id, String email, String name, List<String> roles, boolean assignable) {}

    public record InvitedView(String id, String email, String name, boolean enabled, List<String> roles,
                              List<String> teams, boolean invitationEmailSent) {}

    @Inject
    MemberDirectory members;

    @Inject
    MemberAdministration administration;

    @GET
    @Operation(summary = "The tenant's people known to Orden, for pickers such as the assignee")
    public List<MemberView> list() {
        return members.all().stream()
                .map(m -> new MemberView(m.userId().toString(), m.email(), m.displayName(),
                        m.roles().stream().map(Role::roleName).sorted().toList(), m.canBeAssigned()))
                .toList();
    }

    @GET
    @Path("accounts")
    @RolesAllowed(Role.Names.TENANT_ADMIN)
    @Operation(summary = "Tenant admins: every account of the tenant (its Keycloak organization's members), enabled "
            + "or not, with roles and the teams of the active configuration that name them")
    public List<MemberAdministration.Account> accounts() {
        return administration.accounts();
    }

    @GET
    @Path("{id}/account")
    @RolesAllowed(Role.Names.TENANT_ADMIN)
    @Operation(summary = "Tenant admins: one account of the tenant")
    public MemberAdministration.Account account(@PathParam("id") String id) {
        return administration.account(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.TENANT_ADMIN)
    @Operation(summary = "Tenant admins: invites {email, name, roles} — a Keycloak user in the tenant's organization "
            + "who sets a password at first sign-in, e-mailed a link when the realm can send mail "
            + "(invitationEmailSent); 409 when the e-mail has an account")
    public Response invite(@NotNull(message = "a JSON object is required") JsonObject body) {
        var invited = administration.invite(Invitation.parse(body));
        var a = invited.account();
        return Response.created(URI.create("members/" + a.id() + "/account"))
                .entity(new InvitedView(a.id(), a.email(), a.name(), a.enabled(), a.roles(), a.teams(),
                        invited.emailSent()))
                .build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Role.Names.TENANT_ADMIN)
    @Operation(summary = "Tenant admins: sets a member's roles and/or enabled (deactivate: false); 409 when it would "
            + "leave the tenant without an active tenant admin, or deactivate yourself")
    public MemberAdministration.Account change(@PathParam("id") String id,
                                               @NotNull(message = "a JSON object is required") JsonObject body) {
        return administration.change(id, AccountChange.parse(body));
    }
}
