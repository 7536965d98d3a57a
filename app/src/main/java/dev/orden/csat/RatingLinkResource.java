package dev.orden.csat;

import dev.orden.identity.CurrentUser;
import dev.orden.shared.problem.ProblemException;
import dev.orden.tenant.TenantWork;
import dev.orden.ratelimit.Limited;
import dev.orden.ratelimit.RateLimit;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The completion e-mail's rating link, without signing in: the token alone says which order of which tenant. A valid
 * link shows the order and rates it once (409 after); an expired one is 410; a tampered or unknown one 404.
 */
@Path("csat/{token}")
@PermitAll
@Limited(RateLimit.CSAT_LINK)
@Produces(MediaType.APPLICATION_JSON)
public class RatingLinkResource {

    /** What the public page shows: the order by number and title, and its rating when it has one. */
    public record LinkView(String number, String title, String status, String statusCategory, boolean completed,
                           RatingView rating, Instant expiresAt) {}

    private static final CurrentUser LINK = new CurrentUser("csat-link", "csat-link", null, "Rating link", Set.of());

    @Inject
    CsatLinks links;

    @Inject
    SatisfactionService service;

    @Inject
    TenantWork work;

    @GET
    @Operation(summary = "The order a rating link is for, and its rating if already given")
    public LinkView show(@PathParam("token") String text) {
        var token = links.valid(text);
        return inTenant(token, () -> {
            var order = service.linked(token);
            return new LinkView(order.displayNumber(), order.title(), order.status(), order.statusCategory().key(),
                    SatisfactionService.completed(order), service.find(order).map(RatingView::of).orElse(null),
                    token.expiresAt());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate the link's order 1–5 with an optional comment, once")
    public Response rate(@PathParam("token") String text, JsonObject body) {
        var token = links.valid(text);
        var input = RatingInput.read(body);
        var rating = inTenant(token, () -> service.rateByLink(token, input));
        return Response.status(Response.Status.CREATED).entity(RatingView.of(rating)).build();
    }

    /** The link's tenant as this request's, so that its configuration and rules serve the rating as usual. */
    private <T> T inTenant(CsatToken token, Callable<T> call) {
        try {
            return work.run(token.tenantId(), LINK, call);
        } catch (IllegalStateException noSuchTenant) {
            throw ProblemException.notFound("Rating link");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
