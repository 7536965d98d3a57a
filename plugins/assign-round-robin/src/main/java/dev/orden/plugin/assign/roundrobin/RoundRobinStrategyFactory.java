package dev.orden.plugin.assign.roundrobin;

import dev.orden.plugin.assignment.AssignmentStrategy;
import dev.orden.plugin.assignment.AssignmentStrategyFactory;
import dev.orden.plugin.spi.PluginSession;

public final class RoundRobinStrategyFactory implements AssignmentStrategyFactory {

    public static final String ID = "round-robin";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String description() {
        return "Takes turns within the team: the next available agent, in e-mail order, after the one chosen last";
    }

    @Override
    public AssignmentStrategy create(PluginSession session) {
        return new RoundRobinStrategy();
    }
}
