package dev.orden.plugin.assign.leastloaded;

import dev.orden.plugin.assignment.AssignmentStrategy;
import dev.orden.plugin.assignment.AssignmentStrategyFactory;
import dev.orden.plugin.assignment.Settings;
import dev.orden.plugin.spi.PluginSession;
import java.util.List;

public final class LeastLoadedStrategyFactory implements AssignmentStrategyFactory {

    public static final String ID = "least-loaded";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String description() {
        return "The available agent with the lightest load: open orders weighted by priority (settings: weights)";
    }

    @Override
    public List<String> checkSettings(Settings settings) {
        return Weights.problems(settings);
    }

    @Override
    public AssignmentStrategy create(PluginSession session) {
        return new LeastLoadedStrategy();
    }
}
