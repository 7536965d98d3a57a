package dev.orden.notification;

import dev.orden.identity.Role;
import dev.orden.shared.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant administrator's view of notifications: every delivery and how it went, and the channels there are. */
@Path("admin/notifications")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class DeliveryLogResource {

    public record Entry(UUID id, String event, String template, String channel, String recipientId, String address,
                        String language, UUID workOrderId, String orderNumber, String subject, String status,
                        int attempts, String lastError, Instant createdAt, Instant updatedAt, Instant sentAt) {
        static Entry of(Deliveries.Delivery d) {
            return new Entry(d.id(), d.event(), d.template(), d.channel(), d.recipientId(), d.address(), d.language(),
                    d.workOrderId(), d.orderNumber(), d.subject(), d.status().name().toLowerCase(Locale.ROOT),
                    d.attempts(), d.lastError(), d.createdAt(), d.updatedAt(), d.sentAt());
        }
    }

    public record Page(List<Entry> items, String nextCursor) {}

    public record ChannelView(String id, String description, boolean deferred, String origin) {}

    @Inject
    Deliveries deliveries;

    @Inject
    Channels channels;

    @Inject
    dev.orden.platform.plugin.Plugins plugins;

    @GET
    @Path("deliveries")
    @Operation(summary = "The delivery log, newest first: channel, recipient, status (pending, sent, failed), "
            + "attempts and last error; filters `workOrder` (id) and `status`")
    public Page log(@QueryParam("workOrder") String workOrder, @QueryParam("status") String status,
                    @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 200) throw ProblemException.invalid("limit", "must be between 1 and 200");
        var offset = OffsetCursor.offset(cursor);
        var rows = deliveries.log(orderId(workOrder), status(status), offset, limit);
        var items = rows.stream().limit(limit).map(Entry::of).toList();
        return new Page(items, rows.size() > limit ? OffsetCursor.encode(offset + limit) : null);
    }

    @GET
    @Path("channels")
    @Operation(summary = "The notification channels this server has (built-in or a plugin jar)")
    public List<ChannelView> channels() {
        return channels.all().stream().map(f -> new ChannelView(f.getId(), f.description(), f.deferred(),
                plugins.origin(f))).toList();
    }

    private static UUID orderId(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("workOrder", "must be an order's id");
        }
    }

    private static Deliveries.Status status(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Deliveries.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be pending, sent or failed");
        }
    }
}
