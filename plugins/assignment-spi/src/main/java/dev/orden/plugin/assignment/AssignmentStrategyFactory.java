package dev.orden.plugin.assignment;

import dev.orden.plugin.spi.ProviderFactory;
import java.util.List;

/**
 * Makes {@link AssignmentStrategy}s of one kind. Its {@link #getId()} is what a tenant names in its configuration
 * ({@code assignment.json}: {@code "strategies": [{"key": "<id>", "settings": {…}}]}); ids are lower case, digits
 * and dashes ({@code least-loaded}). Server-wide settings come through {@link #init}
 * ({@code orden.plugin.assignment-strategy.<id>.<key>}); a tenant's own settings come with each request.
 */
public interface AssignmentStrategyFactory extends ProviderFactory<AssignmentStrategy> {

    /** One sentence for the tenant's admins: whom the strategy picks. */
    String description();

    /**
     * What is wrong with a tenant's settings for this strategy, one sentence each (the configuration is refused
     * with them); empty when they are fine.
     */
    default List<String> checkSettings(Settings settings) {
        return List.of();
    }
}
