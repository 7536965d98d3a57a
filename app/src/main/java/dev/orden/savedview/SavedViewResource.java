package dev.orden.savedview;

import dev.orden.identity.Role;
import dev.orden.shared.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's saved queue views, for the portal on any device; nobody else's is ever visible (404). */
@Path("me/views")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT})
public class SavedViewResource {

    public record View(UUID id, String name, String queue, JsonObject filters, Instant createdAt, Instant updatedAt) {
        static View of(SavedView v) {
            try (var reader = Json.createReader(new StringReader(v.filters()))) {
                return new View(v.id(), v.name(), v.queue(), reader.readObject(), v.createdAt(), v.updatedAt());
            }
        }
    }

    @Inject
    SavedViews views;

    @GET
    @Operation(summary = "The caller's saved views, by name")
    public List<View> list() {
        return views.mine().stream().map(View::of).toList();
    }

    @POST
    @Operation(summary = "Saves a view {name, queue, filters}; 409 when the caller has one of that name")
    public Response create(@NotNull(message = "a JSON object is required") JsonObject body) {
        var view = views.create(SavedViewInput.read(body));
        return Response.created(URI.create("me/views/" + view.id())).entity(View.of(view)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's saved views")
    public View get(@PathParam("id") String id) {
        return View.of(views.mine(uuid(id)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replaces one of the caller's saved views (name, queue and filters)")
    public View replace(@PathParam("id") String id, @NotNull(message = "a JSON object is required") JsonObject body) {
        var uuid = uuid(id);
        views.mine(uuid); // someone else's is a 404 before anything about the body
        return View.of(views.replace(uuid, SavedViewInput.read(body)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deletes one of the caller's saved views")
    public Response delete(@PathParam("id") String id) {
        views.delete(uuid(id));
        return Response.noContent().build();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Saved view");
        }
    }
}
