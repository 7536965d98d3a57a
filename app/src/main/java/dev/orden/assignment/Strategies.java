package dev.orden.assignment;

import dev.orden.platform.plugin.Plugins;
import dev.orden.plugin.assignment.AssignmentStrategy;
import dev.orden.plugin.assignment.AssignmentStrategyFactory;
import dev.orden.plugin.spi.ProviderFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The assignment strategies this server has: built into the WAR or found in the plugin directory. */
@ApplicationScoped
public class Strategies {

    @Inject
    Plugins plugins;

    /** Every installed strategy, by id. */
    public List<AssignmentStrategyFactory> all() {
        return plugins.registry().factories(AssignmentStrategy.class).stream()
                .map(AssignmentStrategyFactory.class::cast)
                .sorted(Comparator.comparing(ProviderFactory::getId)).toList();
    }

    public Optional<AssignmentStrategyFactory> find(String id) {
        return plugins.registry().factory(AssignmentStrategy.class, id).map(AssignmentStrategyFactory.class::cast);
    }

    /** {@code built-in}, or the jar it came from. */
    String origin(AssignmentStrategyFactory factory) {
        return plugins.origin(factory);
    }

    /** A strategy for one decision of one tenant; close it after use. */
    AssignmentStrategy create(AssignmentStrategyFactory factory, UUID tenantId) {
        return factory.create(plugins.session(tenantId));
    }
}
