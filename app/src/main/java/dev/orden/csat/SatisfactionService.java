package dev.orden.csat;

import dev.orden.config.workflow.StateCategory;
import dev.orden.identity.CurrentUser;
import dev.orden.identity.Role;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import dev.orden.workorder.SatisfactionEvents;
import dev.orden.workorder.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Ratings of completed orders (a state of category resolved or closed), once per order, by its requester: signed in
 * ({@code via} portal) or through the e-mail's link ({@code via} link, as the requester). Each is also a history
 * entry and fires {@code csat.received}.
 */
@ApplicationScoped
@Transactional
public class SatisfactionService {

    @Inject
    TenantContext context;

    @Inject
    SatisfactionEvents orders;

    @Inject
    RatingRepository ratings;

    /** The caller's rating of their order; 404 for an order they cannot see, 403 for someone else's requester. */
    public Rating rate(String reference, RatingInput input) {
        var user = context.user();
        var order = orders.visible(reference);
        if (!user.id().equals(order.requesterId())) {
            throw ProblemException.forbidden("Only the order's requester rates it");
        }
        return store(order, input, user, "portal");
    }

    /** The order's rating, if it has one (anyone who sees the order). */
    public Optional<Rating> find(String reference) {
        return ratings.find(orders.visible(reference).id());
    }

    /** The order a link names, in the tenant the link's work is bound to; 404 when it is gone. */
    public WorkOrder linked(CsatToken token) {
        return orders.find(token.orderId())
                .orElseThrow(() -> ProblemException.notFound("Rating link"));
    }

    public Optional<Rating> find(WorkOrder order) {
        return ratings.find(order.id());
    }

    public Rating rateByLink(CsatToken token, RatingInput input) {
        var order = linked(token);
        return store(order, input, requesterOf(order), "link");
    }

    static CurrentUser requesterOf(WorkOrder order) {
        return new CurrentUser(order.requesterId(), null, null, order.requesterName(), Set.of(Role.REQUESTER));
    }

    private Rating store(WorkOrder order, RatingInput input, CurrentUser by, String via) {
        if (!completed(order)) {
            throw new ProblemException(ProblemType.CONFLICT, "Only a completed order can be rated");
        }
        var rating = new Rating(order.id(), input.score(), input.comment(), by.id(), by.displayName(), via,
                Instant.now());
        if (ratings.find(order.id()).isPresent() || !ratings.insert(rating)) {
            throw new ProblemException(ProblemType.CONFLICT, "This order has already been rated");
        }
        orders.rated(order, input.score(), input.comment(), via, by);
        return rating;
    }

    static boolean completed(WorkOrder order) {
        return order.statusCategory() == StateCategory.RESOLVED || order.statusCategory() == StateCategory.CLOSED;
    }
}
