package dev.orden.config;

import dev.orden.identity.Role;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What the portal needs to offer and render a work order under the tenant's active configuration: its types and
 * each type's form per audience, texts in the caller's language ({@code Accept-Language}, es or en, default es;
 * the answer's {@code Content-Language} says which). The tenant is the token's, so another tenant's types never
 * show. Requesters see only requester forms; staff see both, the agent form by default.
 */
@Path("types")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT, Role.Names.REQUESTER})
public class FormResource {

    @Inject
    ConfigService service;

    @Inject
    TenantContext context;

    @GET
    @Operation(summary = "The work-order types of the active configuration: key, name, icon, color, defaultPriority")
    public Response types(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        var language = ContentLanguage.negotiate(acceptLanguage);
        return localized(TypeSummaries.of(service.active(), language), language);
    }

    @GET
    @Path("{type}/form")
    @Operation(summary = "A type's resolved form for an audience (requester or agent) in the caller's language")
    public Response form(@PathParam("type") String type, @QueryParam("audience") String audience,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        var staff = context.user().isStaff();
        var chosen = audience == null || audience.isBlank() ? (staff ? "agent" : "requester") : audience;
        if (!ResolvedForm.AUDIENCES.contains(chosen)) {
            throw ProblemException.invalid("audience", "must be requester or agent");
        }
        if (!staff && !chosen.equals("requester")) {
            throw ProblemException.forbidden("Requesters may only read requester forms");
        }
        var language = ContentLanguage.negotiate(acceptLanguage);
        return localized(new ResolvedForm(service.active(), language).of(type, chosen), language);
    }

    private static Response localized(Object entity, String language) {
        return Response.ok(entity).header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
