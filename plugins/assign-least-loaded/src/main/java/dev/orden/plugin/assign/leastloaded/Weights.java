package dev.orden.plugin.assign.leastloaded;

import dev.orden.plugin.assignment.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much an open order of each priority weighs: LOW 1, NORMAL 2, HIGH 3, URGENT 5 unless the tenant's settings
 * say otherwise ({@code "weights": {"URGENT": 8}} changes that one only).
 */
final class Weights {

    static final Map<String, Double> DEFAULTS = Map.of("LOW", 1.0, "NORMAL", 2.0, "HIGH", 3.0, "URGENT", 5.0);

    private Weights() {}

    static Map<String, Double> of(Settings settings) {
        var weights = new LinkedHashMap<>(DEFAULTS);
        settings.object("weights").forEach((priority, weight) -> {
            if (DEFAULTS.containsKey(priority) && weight instanceof Number n) weights.put(priority, n.doubleValue());
        });
        return weights;
    }

    static List<String> problems(Settings settings) {
        var problems = new ArrayList<String>();
        settings.values().keySet().stream().filter(key -> !key.equals("weights"))
                .forEach(key -> problems.add("unknown setting '" + key + "' (least-loaded has: weights)"));
        if (settings.get("weights").isPresent() && !(settings.get("weights").get() instanceof Map<?, ?>)) {
            problems.add("weights must be an object of priority to weight");
        }
        settings.object("weights").forEach((priority, weight) -> {
            if (!DEFAULTS.containsKey(priority)) {
                problems.add("weights: unknown priority '" + priority + "' (LOW, NORMAL, HIGH, URGENT)");
            } else if (!(weight instanceof Number n) || n.doubleValue() < 0) {
                problems.add("weights." + priority + " must be a number of at least 0");
            }
        });
        return problems;
    }
}
