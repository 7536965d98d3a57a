package dev.orden.plugin.assignment;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A little memory per strategy and tenant, kept by the host in its database so that it survives restarts and is
 * shared by every replica: one text value per scope (e.g. a team's key). {@link #read} locks the scope until the
 * change that assigns the order ends, so two assignments on the same scope take turns.
 */
public interface StrategyState {

    Optional<String> read(String scope);

    /** Stored with the change: if the change fails, the value is not kept either. */
    void write(String scope, String value);

    /** A state in memory only, for tests and previews. */
    static StrategyState inMemory() {
        Map<String, String> values = new HashMap<>();
        return new StrategyState() {
            @Override
            public Optional<String> read(String scope) {
                return Optional.ofNullable(values.get(scope));
            }

            @Override
            public void write(String scope, String value) {
                values.put(scope, value);
            }
        };
    }
}
