package dev.orden.notification;

import dev.orden.identity.Role;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's in-app inbox; a user only ever sees and marks their own notifications. */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.DISPATCHER, Role.Names.AGENT, Role.Names.REQUESTER})
public class NotificationResource {

    public record View(UUID id, String kind, UUID workOrderId, String orderNumber, String title, String body,
                       Instant createdAt, Instant readAt, boolean read) {
        static View of(Notification n) {
            return new View(n.id(), n.kind(), n.workOrderId(), n.orderNumber(), n.title(), n.body(), n.createdAt(),
                    n.readAt(), n.readAt() != null);
        }
    }

    public record Page(List<View> items, String nextCursor) {}

    public record Count(long unread) {}

    @Inject
    TenantContext context;

    @Inject
    Notifications notifications;

    @GET
    @Operation(summary = "The caller's notifications, unread first, then newest first")
    public Page inbox(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 100) throw ProblemException.invalid("limit", "must be between 1 and 100");
        var offset = OffsetCursor.offset(cursor);
        var rows = notifications.inbox(me(), offset, limit);
        var more = rows.size() > limit;
        var items = rows.stream().limit(limit).map(View::of).toList();
        return new Page(items, more ? OffsetCursor.encode(offset + limit) : null);
    }

    @GET
    @Path("unread-count")
    @Operation(summary = "How many of the caller's notifications are unread")
    public Count unreadCount() {
        return new Count(notifications.unread(me()));
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Marks one of the caller's notifications as read")
    public View read(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Notification");
        }
        return notifications.markRead(me(), uuid).map(View::of)
                .orElseThrow(() -> ProblemException.notFound("Notification"));
    }

    @POST
    @Path("read-all")
    @Operation(summary = "Marks all of the caller's notifications as read")
    public Count readAll() {
        notifications.markAllRead(me());
        return new Count(notifications.unread(me()));
    }

    private String me() {
        return context.user().id();
    }
}
