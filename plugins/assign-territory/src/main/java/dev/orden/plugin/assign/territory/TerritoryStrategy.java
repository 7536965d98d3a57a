package dev.orden.plugin.assign.territory;

import dev.orden.plugin.assignment.AssignmentRequest;
import dev.orden.plugin.assignment.AssignmentStrategy;
import dev.orden.plugin.assignment.Candidate;
import dev.orden.plugin.assignment.Choice;
import dev.orden.plugin.assignment.GeoPoint;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Agents qualify when one of their areas is the order's area or an ancestor of it. When the order has a place (the
 * {@code locationField} setting, else its first location field with coordinates) and qualified agents have a home,
 * the nearest of those wins (great-circle distance), within {@code maxDistanceKm} if set; otherwise the closest
 * coverage wins (the area itself before its parent), then the fewest open orders, then the e-mail. An order
 * without an area but with a place goes to the nearest available agent.
 */
final class TerritoryStrategy implements AssignmentStrategy {

    @Override
    public Choice choose(AssignmentRequest request) {
        var order = request.order();
        var place = request.settings().string("locationField").map(order::location).orElseGet(order::location);
        if (order.areaPath().isEmpty() && place.isEmpty()) {
            return Choice.none("the order has neither an area nor a location");
        }
        var covering = order.areaPath().isEmpty() ? request.candidates()
                : request.candidates().stream().filter(c -> c.coverage(order.areaPath()) >= 0).toList();
        if (covering.isEmpty()) return Choice.none("no agent covers area " + order.area());
        var available = covering.stream().filter(Candidate::isAvailable).toList();
        if (available.isEmpty()) {
            return Choice.none("every agent covering " + where(request) + " is unavailable: " + String.join(", ",
                    covering.stream().map(Candidate::unavailability).toList()));
        }
        if (place.isPresent() && available.stream().anyMatch(c -> c.home() != null)) {
            return nearest(request, available, place.get());
        }
        if (order.areaPath().isEmpty()) {
            return Choice.none("the order has no area, and no available agent has a home to measure its distance from");
        }
        var chosen = available.stream().min(Comparator.comparingInt((Candidate c) -> c.coverage(order.areaPath()))
                .thenComparingInt(Candidate::openOrders).thenComparing(TerritoryStrategy::key)).orElseThrow();
        return Choice.of(chosen, covers(chosen, request) + "; " + chosen.openOrders()
                + (chosen.openOrders() == 1 ? " open order" : " open orders"));
    }

    private static Choice nearest(AssignmentRequest request, List<Candidate> available, GeoPoint place) {
        var chosen = available.stream().filter(c -> c.home() != null)
                .min(Comparator.comparingDouble((Candidate c) -> c.home().distanceKm(place))
                        .thenComparingInt(Candidate::openOrders).thenComparing(TerritoryStrategy::key))
                .orElseThrow();
        var km = chosen.home().distanceKm(place);
        var max = request.settings().number("maxDistanceKm");
        if (max.isPresent() && km > max.get()) {
            return Choice.none("the nearest available agent, " + chosen.label() + ", is " + km(km) + " away, beyond "
                    + km(max.get()));
        }
        var covers = request.order().areaPath().isEmpty() ? "" : covers(chosen, request) + "; ";
        return Choice.of(chosen, covers + km(km) + " away");
    }

    private static String covers(Candidate chosen, AssignmentRequest request) {
        var path = request.order().areaPath();
        return "covers area " + path.get(chosen.coverage(path));
    }

    private static String where(AssignmentRequest request) {
        return request.order().area() != null ? "area " + request.order().area() : "the order's location";
    }

    private static String km(double km) {
        return String.format(Locale.ROOT, "%.1f km", km);
    }

    private static String key(Candidate candidate) {
        return (candidate.email() != null ? candidate.email() : candidate.id()).toLowerCase(Locale.ROOT);
    }
}
