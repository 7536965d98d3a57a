package dev.orden.workorder;

import dev.orden.identity.Role;
import dev.orden.ratelimit.Limited;
import dev.orden.ratelimit.RateLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A tenant admin runs a scheduled rule now, as its schedule would, and sees what it did to which orders. */
@Path("admin/rules/{key}/run")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class ScheduledRuleResource {

    @Inject
    ScheduledRules rules;

    @POST
    @Limited(RateLimit.RULE_RUNS)
    @Operation(summary = "Run the active version's scheduled rule now: once per selected order (each in its own"
            + " transaction, traced with event 'schedule'), or once with no order when it selects none. 404 for an"
            + " unknown rule, 409 for a rule not on the schedule or disabled")
    public JsonObject run(@PathParam("key") String key) {
        var summary = rules.runNow(key);
        if (summary.withoutOrder() != null) return summary.withoutOrder();
        var orders = Json.createArrayBuilder();
        summary.orders().forEach(o -> orders.add(Json.createObjectBuilder().add("id", o.id().toString())
                .add("number", o.number()).add("outcome", o.outcome())));
        return Json.createObjectBuilder().add("orders", orders).build();
    }
}
