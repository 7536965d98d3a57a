package dev.orden.workorder;

import dev.orden.identity.Role;
import dev.orden.shared.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Automatic assignment on demand, for the dispatcher's queue of unassigned orders. */
@Path("workorders/{ref}/dispatch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER})
public class DispatchResource {

    /** All optional: the tenant's default strategy, the order's team (every team's members without one). */
    public record DispatchRequest(
            @Pattern(regexp = "[a-z][a-z0-9-]{0,63}", message = "must be a strategy id, e.g. least-loaded") String strategy,
            @Size(max = 100, message = "must be at most 100 characters") String team,
            @Size(max = 2_000, message = "must be at most 2000 characters") String reason,
            Integer version, String scheduledStart, String scheduledEnd) {

        /** The visit's fields as a patch names them, those given. */
        JsonObject visit() {
            var json = Json.createObjectBuilder();
            if (scheduledStart != null) json.add(Visit.START, scheduledStart);
            if (scheduledEnd != null) json.add(Visit.END, scheduledEnd);
            return json.build();
        }
    }

    @Inject
    DispatchService service;

    @Inject
    WorkOrderService orders;

    @POST
    @Operation(summary = "Let a strategy assign the order (dispatchers and admins): it picks an available member of the team; 409 with the reason when it finds no one. "
            + "scheduledStart and scheduledEnd, if given, plan the visit in the same change")
    public Response dispatch(@PathParam("ref") String reference, @HeaderParam("If-Match") String ifMatch,
                             @Valid DispatchRequest request) {
        var body = request == null ? new DispatchRequest(null, null, null, null, null, null) : request;
        var order = service.dispatch(reference, version(ifMatch, body.version()), body.strategy(), body.team(),
                body.reason(), body.visit());
        return Response.ok(orders.view(order))
                .tag(new EntityTag(Integer.toString(order.version()))).build();
    }

    private static Integer version(String ifMatch, Integer bodyVersion) {
        if (ifMatch == null) return bodyVersion;
        try {
            return Integer.valueOf(ifMatch.replaceFirst("^W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be the ETag you read");
        }
    }
}
