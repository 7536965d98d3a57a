package dev.orden.recurring;

import dev.orden.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Recurring series of work orders: dispatchers and admins define, change, pause, resume and end them. */
@Path("recurring-series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER})
public class SeriesResource {

    @Inject
    SeriesService service;

    @Context
    UriInfo uriInfo;

    @POST
    @Operation(summary = "Define a series: a template (a create request's fields) and a schedule")
    public Response create(@NotNull(message = "a JSON object is required") JsonObject body) {
        var series = service.create(body);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(series.id().toString()).build())
                .entity(series.json()).build();
    }

    @GET
    @Operation(summary = "The tenant's series by name")
    public JsonObject list() {
        return items(service.list().stream().map(Series::json).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A series, with its next occurrence")
    public JsonObject get(@PathParam("id") String id) {
        return service.get(id).json();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Redefine a series (the whole definition); applies to the occurrences to come")
    public JsonObject update(@PathParam("id") String id,
                             @NotNull(message = "a JSON object is required") JsonObject body) {
        return service.update(id, body).json();
    }

    @POST
    @Path("{id}/pause")
    @Operation(summary = "Stop making orders until resumed")
    public JsonObject pause(@PathParam("id") String id) {
        return service.pause(id).json();
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Make orders again, from the next occurrence after now")
    public JsonObject resume(@PathParam("id") String id) {
        return service.resume(id).json();
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "End the series for good")
    public JsonObject end(@PathParam("id") String id) {
        return service.end(id).json();
    }

    @GET
    @Path("{id}/orders")
    @Operation(summary = "The orders the series made, the latest occurrence first")
    public JsonObject orders(@PathParam("id") String id) {
        return items(service.orders(id).stream().map(SeriesResource::made).toList());
    }

    private static JsonObject made(SeriesRepository.MadeOrder made) {
        var order = Json.createObjectBuilder().add("id", made.orderId().toString()).add("number", made.number())
                .add("title", made.title()).add("status", made.status()).add("statusCategory", made.statusCategory());
        add(order, "createdAt", made.createdAt());
        add(order, "completedAt", made.completedAt());
        return Json.createObjectBuilder().add("occurrence", made.occurrence().toString()).add("order", order).build();
    }

    private static void add(JsonObjectBuilder json, String key, Instant at) {
        if (at != null) json.add(key, at.toString());
    }

    private static JsonObject items(List<JsonObject> items) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(array::add);
        return Json.createObjectBuilder().add("items", array).build();
    }
}
