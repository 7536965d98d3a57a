package dev.orden.plugin.assign.roundrobin;

import dev.orden.plugin.assignment.AssignmentRequest;
import dev.orden.plugin.assignment.AssignmentStrategy;
import dev.orden.plugin.assignment.Candidate;
import dev.orden.plugin.assignment.Choice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The team's agents form a ring in e-mail order; each choice takes the first available agent after the one chosen
 * last in that team (away and full agents are passed over, not skipped for good). The last choice is remembered
 * by its e-mail rather than its position, so people joining or leaving the team do not reset the turn.
 */
final class RoundRobinStrategy implements AssignmentStrategy {

    @Override
    public Choice choose(AssignmentRequest request) {
        var ring = request.candidates().stream().sorted(Comparator.comparing(RoundRobinStrategy::key)).toList();
        if (ring.isEmpty()) return Choice.none(request.whyNoneAvailable());
        var last = request.state().read(request.scope());
        int start = last.map(key -> firstAfter(ring, key)).orElse(0);
        var passedOver = new ArrayList<String>();
        for (int i = 0; i < ring.size(); i++) {
            var candidate = ring.get((start + i) % ring.size());
            if (candidate.isAvailable()) {
                request.state().write(request.scope(), key(candidate));
                return Choice.of(candidate, "next in turn" + last.map(key -> " after " + key).orElse("")
                        + (passedOver.isEmpty() ? "" : ", passing over " + String.join(", ", passedOver)));
            }
            passedOver.add(candidate.unavailability());
        }
        return Choice.none(request.whyNoneAvailable());
    }

    private static int firstAfter(List<Candidate> ring, String key) {
        for (int i = 0; i < ring.size(); i++) {
            if (key(ring.get(i)).compareTo(key) > 0) return i;
        }
        return 0;
    }

    private static String key(Candidate candidate) {
        return (candidate.email() != null ? candidate.email() : candidate.id()).toLowerCase(Locale.ROOT);
    }
}
