package dev.orden.live;

import dev.orden.identity.Role;
import dev.orden.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("events")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT, Role.Names.REQUESTER})
public class EventsResource {

    @Inject
    TenantContext context;

    @Inject
    JsonWebToken token;

    @Inject
    LiveHub hub;

    @Context
    HttpServletResponse response;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events for the caller: workorder.created, .changed, .assigned, .commented on "
            + "the orders they may see (requesters: their own, public entries only); Last-Event-ID resumes within a "
            + "few minutes, else a resync event; a comment line every 15 s; the stream ends when the token expires")
    public void events(@Context SseEventSink sink, @Context Sse sse,
                       @HeaderParam("Last-Event-ID") String lastEventId) {
        var tenantId = context.tenantId();
        // Proxies that buffer responses (nginx) would hold events back; this one asks them not to.
        response.setHeader("X-Accel-Buffering", "no");
        hub.subscribe(tenantId, context.user(), Instant.ofEpochSecond(token.getExpirationTime()), lastEventId, sink,
                sse);
    }
}
