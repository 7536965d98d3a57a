package dev.orden.plugin.assign.territory;

import dev.orden.plugin.assignment.AssignmentStrategy;
import dev.orden.plugin.assignment.AssignmentStrategyFactory;
import dev.orden.plugin.assignment.Settings;
import dev.orden.plugin.spi.PluginSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

public final class TerritoryStrategyFactory implements AssignmentStrategyFactory {

    public static final String ID = "territory";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String description() {
        return "An available agent whose areas cover the order's area in the area tree; the nearest one when the order"
                + " and the agents' homes have coordinates (settings: locationField, maxDistanceKm)";
    }

    @Override
    public List<String> checkSettings(Settings settings) {
        var problems = new ArrayList<String>();
        settings.values().keySet().stream().filter(key -> !Set.of("locationField", "maxDistanceKm").contains(key))
                .forEach(key -> problems.add("unknown setting '" + key
                        + "' (territory has: locationField, maxDistanceKm)"));
        settings.get("locationField").filter(v -> !(v instanceof String s) || s.isBlank())
                .ifPresent(v -> problems.add("locationField must be the key of a location custom field"));
        settings.get("maxDistanceKm").filter(v -> !(v instanceof Number n) || n.doubleValue() <= 0)
                .ifPresent(v -> problems.add("maxDistanceKm must be a number above 0"));
        return problems;
    }

    @Override
    public AssignmentStrategy create(PluginSession session) {
        return new TerritoryStrategy();
    }
}
