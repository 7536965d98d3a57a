package dev.orden.config;

import dev.orden.shared.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The configuration's JSON Schemas, public so editors and scripts can validate before they upload. */
@Path("config/schema")
@PermitAll
public class ConfigSchemaResource {

    static final String SCHEMA_JSON = "application/schema+json";

    @GET
    @Path("{name}")
    @Produces({SCHEMA_JSON, "application/json"})
    @Operation(summary = "One schema: bundle, common, fields, types, forms, workflows, areas, teams or tenant")
    public Response schema(@PathParam("name") String name) {
        var text = ConfigSchemas.text(name)
                .orElseThrow(() -> ProblemException.notFound("Schema '" + name + "'"));
        var cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(text).cacheControl(cache).build();
    }
}
