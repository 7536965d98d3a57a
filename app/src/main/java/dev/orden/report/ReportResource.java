package dev.orden.report;

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

/** Service reports for the people who run the service: tenant administrators and dispatchers. */
@Path("reports")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER})
public class ReportResource {

    static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);

    @Inject
    ReportService reports;

    @Inject
    TenantContext context;

    @GET
    @Path("summary")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Created and completed orders in [from, to) (dates or date-times, in the tenant's time zone), "
            + "per local day; the backlog now and at the end of each local day; mean and p90 times to first "
            + "assignment, first response and resolution; SLA compliance per type and priority; completions per "
            + "agent. Filters type, area, team. "
            + "The workload now per assignee (open orders by category, visits planned today). "
            + "With Accept: text/csv one table as RFC 4180 CSV: section=daily (default), weekly, backlog, "
            + "backlog_daily, backlog_daily_by, times, sla, agents, workload, csat; CSAT: ratings given in the range, "
            + "their mean and count per score")
    public Response summary(@QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("type") String type, @QueryParam("area") String area,
                            @QueryParam("team") String team, @QueryParam("section") String section,
                            @Context HttpHeaders headers) {
        var tenant = context.tenantId();
        var request = reports.request(from, to, type, area, team);
        var table = Section.parse(section);
        if (!wantsCsv(headers)) return Response.ok(reports.summary(tenant, request), MediaType.APPLICATION_JSON).build();
        StreamingOutput body = output -> {
            var writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            reports.csv(tenant, request, table, writer);
            writer.flush();
        };
        return Response.ok(body, CSV + "; charset=utf-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"orden-report-" + table.key() + ".csv\"")
                .build();
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
