package dev.orden.rules.admin;

import dev.orden.identity.Role;
import dev.orden.ratelimit.Limited;
import dev.orden.ratelimit.RateLimit;
import dev.orden.rules.RuleTraces;
import dev.orden.shared.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant administrator's tools for flow rules: try a draft on real orders, see what failed and what it costs. */
@Path("admin/rules")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class RuleAdminResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

    @Inject
    DryRun dryRun;

    @Inject
    RuleTraces traces;

    @Inject
    RuleUsage usage;

    @POST
    @Path("dry-run")
    @Limited(RateLimit.RULE_RUNS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run draft rules on one order (stored, by id, or written out) or the last N orders (≤ 500) "
            + "with no side effects: per-order effects and errors, and a summary; a rule that does not compile is a 422")
    public JsonObject dryRun(@NotNull(message = "a JSON object is required") JsonObject body) {
        return dryRun.run(DryRunRequest.of(body));
    }

    @GET
    @Path("errors")
    @Operation(summary = "The newest failed or rejecting evaluations of the tenant's rules (or of one, `rule`), "
            + "newest first, with the error's kind, message, line and column")
    public List<TraceView> errors(@QueryParam("rule") String rule, @QueryParam("limit") String limit) {
        return traces.errors(rule == null || rule.isBlank() ? null : rule, limit(limit)).stream()
                .map(TraceView::of).toList();
    }

    @GET
    @Path("usage")
    @Operation(summary = "Per rule since `since` (an instant, a date or a duration back; default 7 days): runs, errors, "
            + "p50/p95 duration, largest allocation, beside its limits")
    public JsonObject usage(@QueryParam("since") String since) {
        return usage.since(since(since, Instant.now()));
    }

    static int limit(String limit) {
        if (limit == null || limit.isBlank()) return DEFAULT_LIMIT;
        try {
            var n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) return n;
        } catch (NumberFormatException e) {
            // told below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** {@code 2026-11-20T08:00:00Z}, {@code 2026-11-20} (its start, UTC) or {@code P1D}/{@code PT6H} before now. */
    static Instant since(String since, Instant now) {
        if (since == null || since.isBlank()) return now.minus(DEFAULT_PERIOD);
        var text = since.strip();
        try {
            if (text.startsWith("P") || text.startsWith("p")) return now.minus(Duration.parse(text));
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            return Instant.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ProblemException.invalid("since", "must be an instant (2026-11-20T08:00:00Z), a date (2026-11-20) "
                    + "or a duration back from now (P7D, PT6H)");
        }
    }
}
