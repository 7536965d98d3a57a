package dev.orden.assignment;

import dev.orden.plugin.assignment.StrategyState;
import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import java.util.List;
import java.util.Optional;

/**
 * Strategies' memory in {@code assignment_state}, per tenant, strategy and scope. Reading a scope first makes sure
 * its row exists, then locks it ({@code FOR UPDATE}) until the transaction ends: concurrent assignments on the same
 * scope, on any replica, wait for each other instead of reading the same turn.
 */
@ApplicationScoped
class StrategyStates {

    static final int MAX_VALUE_CHARS = 2000;

    @Inject
    TenantEntityManager tenantEm;

    StrategyState of(String strategy) {
        return new StrategyState() {
            @Override
            public Optional<String> read(String scope) {
                return StrategyStates.this.read(strategy, scope);
            }

            @Override
            public void write(String scope, String value) {
                StrategyStates.this.write(strategy, scope, value);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private Optional<String> read(String strategy, String scope) {
        var em = tenantEm.em();
        em.createNativeQuery("""
                        INSERT INTO assignment_state (tenant_id, strategy, scope, value, updated_at)
                        VALUES (current_setting('app.tenant_id')::uuid, ?1, ?2, '', now())
                        ON CONFLICT (tenant_id, strategy, scope) DO NOTHING""")
                .setParameter(1, strategy).setParameter(2, scope).setFlushMode(FlushModeType.COMMIT).executeUpdate();
        List<Object> rows = em.createNativeQuery("SELECT value FROM assignment_state WHERE strategy = ?1 AND scope = ?2"
                        + " FOR UPDATE").setParameter(1, strategy).setParameter(2, scope)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        return rows.stream().map(Object::toString).filter(v -> !v.isEmpty()).findFirst();
    }

    private void write(String strategy, String scope, String value) {
        if (value == null || value.length() > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException("a strategy's state is a text of at most " + MAX_VALUE_CHARS + " characters");
        }
        tenantEm.em().createNativeQuery("""
                        INSERT INTO assignment_state (tenant_id, strategy, scope, value, updated_at)
                        VALUES (current_setting('app.tenant_id')::uuid, ?1, ?2, ?3, now())
                        ON CONFLICT (tenant_id, strategy, scope) DO UPDATE SET value = excluded.value,
                            updated_at = excluded.updated_at""")
                .setParameter(1, strategy).setParameter(2, scope).setParameter(3, value)
                .setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }
}
