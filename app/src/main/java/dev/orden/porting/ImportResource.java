package dev.orden.porting;

import dev.orden.identity.Role;
import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** CSV imports for tenant admins: a dry run by default, {@code dryRun=false} to store (all or nothing). */
@Path("admin/imports")
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final String CSV = "text/csv";

    @Inject
    OrderImporter orders;

    @Inject
    MemberImporter people;

    @Inject
    TenantContext context;

    @Inject
    Event<DataPorted> ported;

    @POST
    @Path("workorders")
    @Consumes({CSV, MediaType.TEXT_PLAIN})
    @Operation(summary = "Work orders from RFC 4180 CSV (a header row: type, title, description, priority, status, "
            + "requester_email, assignee_email, team, area, created_at, due_at and custom fields by key or cf.<key>), "
            + "each row checked as POST /workorders checks a body. dryRun=true (the default) stores nothing; "
            + "dryRun=false stores every row or, with any error, none (422 with the same report)")
    public Response workOrders(@QueryParam("dryRun") @DefaultValue("true") boolean dryRun, InputStream body) {
        try (var reader = utf8(body)) {
            return answer(orders.run(reader, dryRun), "import.workorders");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Path("members")
    @Consumes({CSV, MediaType.TEXT_PLAIN})
    @Operation(summary = "People from RFC 4180 CSV (email, name, roles, teams; roles and teams separated by ';'), all "
            + "checked first. dryRun=true (the default) creates nothing; dryRun=false invites the new people in "
            + "Keycloak with their roles, makes them members and adds them to their teams (a new configuration "
            + "version), or with any error creates no one (422 with the same report)")
    public Response members(@QueryParam("dryRun") @DefaultValue("true") boolean dryRun, InputStream body) {
        try (var reader = utf8(body)) {
            return answer(people.run(reader, dryRun), "import.members");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 200 with the report; 422 when a real import was refused (nothing stored). */
    private Response answer(ImportReport report, String action) {
        if (report.hasErrors() && !report.dryRun()) return refusal(report);
        if (!report.dryRun()) {
            var user = context.user();
            ported.fire(new DataPorted(context.tenantId(), user.id(), user.displayName(), action, report.imported(),
                    Instant.now()));
        }
        return Response.ok(report.toJson()).build();
    }

    /** The report of a refused import as an RFC 9457 problem, its counts and rows as extension members. */
    static Response refusal(ImportReport report) {
        var problem = Problem.of(ProblemType.VALIDATION, "The file has " + report.toJson().getJsonNumber("errorCount")
                + " errors; nothing was stored");
        JsonObject json = Json.createObjectBuilder().add("type", problem.type()).add("title", problem.title())
                .add("status", problem.status()).add("detail", problem.detail())
                .addAll(Json.createObjectBuilder(report.toJson())).build();
        return Response.status(problem.status()).type(Problem.MEDIA).entity(json).build();
    }

    /** UTF-8, without the byte-order mark spreadsheets put first. */
    static Reader utf8(InputStream body) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') reader.reset();
        return reader;
    }
}
