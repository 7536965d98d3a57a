package dev.orden.csat;

import dev.orden.identity.Role;
import dev.orden.shared.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** An order's satisfaction rating: its requester gives it once the order is completed; anyone who sees it reads it. */
@Path("workorders/{ref}/satisfaction")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT, Role.Names.REQUESTER})
public class SatisfactionResource {

    @Inject
    SatisfactionService service;

    @GET
    @Operation(summary = "The order's rating; 404 when it has none")
    public RatingView get(@PathParam("ref") String reference) {
        return service.find(reference).map(RatingView::of)
                .orElseThrow(() -> ProblemException.notFound("Rating of " + reference));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate a completed order 1–5 with an optional comment: its requester, once (409 after)")
    public Response rate(@PathParam("ref") String reference, JsonObject body) {
        var rating = service.rate(reference, RatingInput.read(body));
        return Response.status(Response.Status.CREATED).entity(RatingView.of(rating)).build();
    }
}
