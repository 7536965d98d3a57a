package dev.orden.porting;

import dev.orden.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The whole tenant out as one JSON document, and such a document into a tenant without orders. */
@Path("admin")
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class TenantPortingResource {

    @Inject
    TenantExporter exporter;

    @Inject
    TenantImporter importer;

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's tenant as one streamed JSON document: tenant, members, every configuration "
            + "version and the active one, the orders with custom fields, history and comments (people by e-mail)")
    public Response export() {
        StreamingOutput body = exporter::write;
        return Response.ok(body, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"orden-export.json\"").build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A tenant export into the caller's tenant, which must have no orders (409 otherwise): "
            + "members mapped by e-mail (unknown ones invited), configuration versions appended, orders with "
            + "their numbers, history and comments")
    public JsonObject importTenant(InputStream body) {
        return importer.run(body);
    }
}
