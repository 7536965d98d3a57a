package dev.orden.config;

import dev.orden.tenant.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each tenant's active configuration, kept in memory: loaded on first use, swapped when a publish or rollback
 * commits (never before, so a rolled-back publish leaves no trace). Versions only grow, so of two racing
 * updates the higher version wins.
 */
@ApplicationScoped
public class ActiveConfiguration {

    /** The active version of a tenant and its bundle. */
    public record Active(int version, JsonObject bundle) {}

    private final ConcurrentMap<UUID, Active> byTenant = new ConcurrentHashMap<>();

    @Inject
    TenantContext context;

    @Inject
    ConfigRepository repository;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The caller's tenant's active configuration; empty only for a tenant never given one. */
    @Transactional
    public Optional<Active> current() {
        var tenantId = context.tenantId();
        var cached = byTenant.get(tenantId);
        if (cached != null) return Optional.of(cached);
        var loaded = repository.activeVersion().flatMap(repository::find)
                .map(v -> new Active(v.version(), ConfigBundles.fromStored(v.bundle())));
        loaded.ifPresent(active -> remember(tenantId, active));
        return loaded;
    }

    /** Makes {@code active} the tenant's configuration once the current transaction commits. */
    void swapOnCommit(UUID tenantId, Active active) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) remember(tenantId, active);
            }
        });
    }

    private void remember(UUID tenantId, Active active) {
        byTenant.merge(tenantId, active, (old, fresh) -> fresh.version() > old.version() ? fresh : old);
    }
}
