package dev.orden.plugin.assign.leastloaded;

import dev.orden.plugin.assignment.AssignmentRequest;
import dev.orden.plugin.assignment.AssignmentStrategy;
import dev.orden.plugin.assignment.Candidate;
import dev.orden.plugin.assignment.Choice;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * The available agent whose open orders weigh least; ties go to the one with fewer open orders, then by e-mail,
 * so the same situation always gives the same answer.
 */
final class LeastLoadedStrategy implements AssignmentStrategy {

    @Override
    public Choice choose(AssignmentRequest request) {
        var weights = Weights.of(request.settings());
        var available = request.available();
        return available.stream()
                .min(Comparator.comparingDouble((Candidate c) -> c.load(weights, 1))
                        .thenComparingInt(Candidate::openOrders)
                        .thenComparing(LeastLoadedStrategy::key))
                .map(chosen -> Choice.of(chosen, reason(chosen, weights, available.size())))
                .orElseGet(() -> Choice.none(request.whyNoneAvailable()));
    }

    private static String reason(Candidate chosen, Map<String, Double> weights, int among) {
        var open = chosen.openOrders();
        return open + (open == 1 ? " open order" : " open orders") + ", weighted load "
                + format(chosen.load(weights, 1)) + " (lightest of " + among + " available)";
    }

    private static String format(double load) {
        return load == Math.rint(load) ? Long.toString((long) load) : String.format(Locale.ROOT, "%.1f", load);
    }

    private static String key(Candidate candidate) {
        return (candidate.email() != null ? candidate.email() : candidate.id()).toLowerCase(Locale.ROOT);
    }
}
