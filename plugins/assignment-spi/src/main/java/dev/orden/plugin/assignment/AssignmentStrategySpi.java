package dev.orden.plugin.assignment;

import dev.orden.plugin.spi.Provider;
import dev.orden.plugin.spi.ProviderFactory;
import dev.orden.plugin.spi.Spi;

/**
 * The extension point of automatic assignment: strategies that pick one agent among a team's candidates. Built-in
 * strategies ship in the server; a third-party one is a jar in the server's plugin directory that registers its
 * {@link AssignmentStrategyFactory} in {@code META-INF/services/dev.orden.plugin.assignment.AssignmentStrategyFactory}.
 */
public final class AssignmentStrategySpi implements Spi {

    public static final String NAME = "assignment-strategy";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return AssignmentStrategy.class;
    }

    @Override
    public Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return AssignmentStrategyFactory.class;
    }
}
