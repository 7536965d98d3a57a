package dev.orden.audit;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.TenantSettings;
import dev.orden.identity.Role;
import dev.orden.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("admin/audit")
@SecurityRequirement(name = "keycloak")
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class AuditResource {

    static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);

    @Inject
    AuditLog log;

    @Inject
    AuditCsv csv;

    @Inject
    TenantContext context;

    @Inject
    ActiveConfiguration configuration;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The tenant's audit log, newest first: who changed what, when, with a diff. Filters from, to "
            + "(dates in the tenant's zone, or date-times; to exclusive, a date's whole day included), actor (user "
            + "id), action (exact or a prefix: member); limit ≤ 200; cursor = the previous page's nextCursor. With "
            + "Accept: text/csv every matching entry, streamed as RFC 4180 CSV")
    public Response list(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("actor") String actor, @QueryParam("action") String action,
                         @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
                         @Context HttpHeaders headers) {
        var tenantId = context.tenantId();
        var zone = configuration.current().map(a -> TenantSettings.of(a.bundle()).timeZone())
                .orElse(TenantSettings.DEFAULTS.timeZone());
        var query = AuditQuery.parse(from, to, actor, action, cursor, limit, zone);
        if (!wantsCsv(headers)) return Response.ok(log.page(tenantId, query), MediaType.APPLICATION_JSON).build();
        StreamingOutput body = output -> {
            var writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            csv.write(tenantId, query, writer);
            writer.flush();
        };
        return Response.ok(body, CSV + "; charset=utf-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"orden-audit.csv\"").build();
    }

    /** JSON unless the first acceptable type that is either is CSV. */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (var type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) return false;
            if (type.isCompatible(CSV_TYPE)) return true;
        }
        return false;
    }
}
