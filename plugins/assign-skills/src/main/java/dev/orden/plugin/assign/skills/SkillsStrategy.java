package dev.orden.plugin.assign.skills;

import dev.orden.plugin.assignment.AssignmentRequest;
import dev.orden.plugin.assignment.AssignmentStrategy;
import dev.orden.plugin.assignment.Candidate;
import dev.orden.plugin.assignment.Choice;
import dev.orden.plugin.assignment.Settings;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The skills an order needs are its type's ({@code "types": {"installation": ["ac"]}}) plus the value(s) of a custom
 * field ({@code "field": "appliance"}: a washer needs the skill "washer"); an agent qualifies with all of them.
 * Among the qualified and available, the fewest open orders wins, then the fewest skills (keep the all-rounders
 * free), then the e-mail.
 */
final class SkillsStrategy implements AssignmentStrategy {

    @Override
    public Choice choose(AssignmentRequest request) {
        var needed = needed(request);
        if (needed.isEmpty()) return Choice.none("the order needs no particular skill");
        var qualified = request.candidates().stream().filter(c -> c.hasSkills(needed)).toList();
        if (qualified.isEmpty()) return Choice.none("no agent has the skills " + String.join(", ", needed));
        return qualified.stream().filter(Candidate::isAvailable)
                .min(Comparator.comparingInt(Candidate::openOrders)
                        .thenComparingInt((Candidate c) -> c.skills().size())
                        .thenComparing(c -> c.email() != null ? c.email() : c.id()))
                .map(c -> Choice.of(c, "has the skills " + String.join(", ", needed) + "; " + c.openOrders()
                        + (c.openOrders() == 1 ? " open order" : " open orders")))
                .orElseGet(() -> Choice.none("every agent with the skills " + String.join(", ", needed)
                        + " is unavailable: " + String.join(", ", qualified.stream().map(Candidate::unavailability)
                        .toList())));
    }

    private static Set<String> needed(AssignmentRequest request) {
        var settings = request.settings();
        var needed = new TreeSet<String>();
        var order = request.order();
        Settings.strings(settings.object("types").get(order.type())).forEach(s -> needed.add(lower(s)));
        settings.string("field").ifPresent(field -> order.values(field).forEach(v -> needed.add(lower(v))));
        return needed;
    }

    private static String lower(String skill) {
        return skill.strip().toLowerCase(Locale.ROOT);
    }
}
