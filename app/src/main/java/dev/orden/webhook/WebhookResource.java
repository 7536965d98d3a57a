package dev.orden.webhook;

import dev.orden.identity.Role;
import dev.orden.shared.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Tenant admins' webhooks: subscriptions, their signing secrets (shown once) and their delivery logs. */
@Path("admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class WebhookResource {

    static final int MAX_LIMIT = 100;

    public record View(UUID id, String name, String url, List<String> events, boolean active, String disabledReason,
                       int consecutiveFailures, Instant createdAt, Instant updatedAt) {
        static View of(Webhook w) {
            return new View(w.id(), w.name(), w.url(), w.events(), w.active(), w.disabledReason(),
                    w.consecutiveFailures(), w.createdAt(), w.updatedAt());
        }
    }

    /** The only answers that carry the secret: when it is made. */
    public record WithSecret(UUID id, String name, String url, List<String> events, boolean active, String secret,
                             Instant previousSecretValidUntil, Instant createdAt) {
        static WithSecret of(Webhooks.Created created) {
            var w = created.webhook();
            return new WithSecret(w.id(), w.name(), w.url(), w.events(), w.active(), created.secret(),
                    w.previousSecretUntil(), w.createdAt());
        }
    }

    public record DeliveryView(UUID id, String event, UUID workOrderId, String status, int attemptCount,
                               JsonArray attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                               Instant createdAt, Instant completedAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id(), d.event(), d.workOrderId(), d.status().name(), d.attemptCount(),
                    d.attemptLog(), d.lastStatusCode(), d.lastError(), d.nextAttemptAt(), d.createdAt(),
                    d.completedAt());
        }
    }

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookSettings settings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a webhook {name, url, events, active}; the answer holds its signing secret, "
            + "never shown again")
    public Response create(@NotNull(message = "a JSON object is required") JsonObject body) {
        var created = webhooks.create(WebhookInput.create(body, settings.allowPrivateAddresses()));
        return Response.created(URI.create("admin/webhooks/" + created.webhook().id()))
                .entity(WithSecret.of(created)).build();
    }

    @GET
    @Operation(summary = "The tenant's webhooks, by name")
    public List<View> list() {
        return webhooks.all().stream().map(View::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One webhook (without its secret)")
    public View get(@PathParam("id") String id) {
        return webhooks.find(uuid(id)).map(View::of).orElseThrow(WebhookResource::notFound);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Changes any of name, url, events, active; turning it on again clears its failure count")
    public View update(@PathParam("id") String id, @NotNull(message = "a JSON object is required") JsonObject body) {
        var uuid = uuid(id);
        return View.of(webhooks.update(uuid, WebhookInput.change(body, settings.allowPrivateAddresses())));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deletes a webhook and its delivery log; pending deliveries are not sent")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(uuid(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    @Operation(summary = "Rotates the signing secret: the new one is in the answer, the old one signs too for a while")
    public WithSecret rotate(@PathParam("id") String id) {
        return WithSecret.of(webhooks.rotate(uuid(id)));
    }

    @POST
    @Path("{id}/ping")
    @Operation(summary = "Sends a webhook.ping event now, to try the receiver; its outcome is in the delivery log")
    public Response ping(@PathParam("id") String id) {
        return Response.accepted(DeliveryView.of(webhooks.ping(uuid(id)))).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The webhook's deliveries, newest first, with each attempt's status code, duration and error")
    public List<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
                                         @QueryParam("limit") String limit) {
        return webhooks.deliveries(uuid(id), status(status), limit(limit)).stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Sends a finished delivery again, with the same id and body; 409 while it is pending or "
            + "the webhook is disabled")
    public Response redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        var delivery = webhooks.redeliver(uuid(id), uuid(deliveryId));
        return Response.accepted(DeliveryView.of(delivery)).build();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Webhook");
    }

    private static WebhookDelivery.Status status(String status) {
        if (status == null || status.isBlank()) return null;
        try {
            return WebhookDelivery.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be pending, delivered or failed");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) return 50;
        try {
            var n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) return n;
        } catch (NumberFormatException e) {
            // told below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
