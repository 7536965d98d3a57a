package dev.orden.plugin.assign.skills;

import dev.orden.plugin.assignment.AssignmentStrategy;
import dev.orden.plugin.assignment.AssignmentStrategyFactory;
import dev.orden.plugin.assignment.Settings;
import dev.orden.plugin.spi.PluginSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class SkillsStrategyFactory implements AssignmentStrategyFactory {

    public static final String ID = "skills";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String description() {
        return "An available agent who has every skill the order needs (from a custom field and/or its type), the one"
                + " with the fewest open orders (settings: field, types)";
    }

    @Override
    public List<String> checkSettings(Settings settings) {
        var problems = new ArrayList<String>();
        settings.values().keySet().stream().filter(key -> !Set.of("field", "types").contains(key))
                .forEach(key -> problems.add("unknown setting '" + key + "' (skills has: field, types)"));
        settings.get("field").filter(v -> !(v instanceof String s) || s.isBlank())
                .ifPresent(v -> problems.add("field must be the key of a custom field"));
        settings.get("types").filter(v -> !(v instanceof Map<?, ?>))
                .ifPresent(v -> problems.add("types must be an object of type key to a list of skills"));
        settings.object("types").forEach((type, skills) -> {
            if (!(skills instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                problems.add("types." + type + " must be a list of skills");
            }
        });
        if (settings.get("field").isEmpty() && settings.get("types").isEmpty()) {
            problems.add("give a field that names the skills an order needs, types with their skills, or both");
        }
        return problems;
    }

    @Override
    public AssignmentStrategy create(PluginSession session) {
        return new SkillsStrategy();
    }
}
