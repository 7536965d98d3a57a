package dev.orden.config;

import dev.orden.shared.persistence.TenantEntityManager;
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
 * Each tenant's active configuration, kept in memory: the parsed bundle is cached per tenant and swapped when a
 * publish or rollback commits (never before, so a failed publish leaves no trace). Every transaction still asks the
 * database once which version is active (one primary-key lookup), so a server that did not make the change —
 * another replica — never serves a stale version; only the bundle itself is reused.
 */
@ApplicationScoped
public class ActiveConfiguration {

    /** The active version of a tenant, its bundle and the bundle's work-order types with their parsed fields. */
    public record Active(int version, JsonObject bundle, WorkOrderTypes types) {

        public Active(int version, JsonObject bundle) {
            this(version, bundle, WorkOrderTypes.of(bundle));
        }
    }

    private static final int MAX_PAST_VERSIONS = 1_000;
    private static final String VERSION_IN_TRANSACTION = ActiveConfiguration.class.getName() + ".version:";

    private final ConcurrentMap<UUID, Active> byTenant = new ConcurrentHashMap<>();
    /** Past versions asked for by orders of types the active version dropped; versions never change once stored. */
    private final ConcurrentMap<String, Active> pastVersions = new ConcurrentHashMap<>();

    @Inject
    TenantContext context;

    @Inject
    ConfigRepository repository;

    @Inject
    TenantEntityManager tenantEm;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The caller's tenant's active configuration; empty only for a tenant never given one. */
    @Transactional
    public Optional<Active> current() {
        return forTenant(context.tenantId());
    }

    /** A tenant's active configuration, for work outside a request (start-up, background jobs) as well. */
    @Transactional
    public Optional<Active> forTenant(UUID tenantId) {
        var version = activeVersionInTransaction(tenantId);
        if (version.isEmpty()) return Optional.empty();
        var cached = byTenant.get(tenantId);
        if (cached != null && cached.version() == version.get()) return Optional.of(cached);
        var loaded = repository.find(version.get())
                .map(v -> new Active(v.version(), ConfigBundles.fromStored(v.bundle())));
        loaded.ifPresent(active -> byTenant.put(tenantId, active));
        return loaded;
    }

    /**
     * Asked once per transaction: creating an order reads the configuration about ten times (fields, workflow, rules,
     * SLA, notifications), and one change should see one version anyway.
     */
    @SuppressWarnings("unchecked")
    private Optional<Integer> activeVersionInTransaction(UUID tenantId) {
        tenantEm.bind(tenantId);
        var key = VERSION_IN_TRANSACTION + tenantId;
        var known = (Optional<Integer>) transactions.getResource(key);
        if (known != null) return known;
        var version = repository.activeVersion();
        transactions.putResource(key, version);
        return version;
    }

    /** One version of the caller's tenant, published or not, as the orders created under it saw it. */
    @Transactional
    public Optional<Active> version(int version) {
        var key = context.tenantId() + ":" + version;
        var cached = pastVersions.get(key);
        if (cached != null) return Optional.of(cached);
        var loaded = repository.find(version).map(v -> new Active(v.version(), ConfigBundles.fromStored(v.bundle())));
        loaded.ifPresent(active -> {
            if (pastVersions.size() >= MAX_PAST_VERSIONS) pastVersions.clear();
            pastVersions.put(key, active);
        });
        return loaded;
    }

    /** Makes {@code active} the tenant's configuration once the current transaction commits. */
    void swapOnCommit(UUID tenantId, Active active) {
        transactions.putResource(VERSION_IN_TRANSACTION + tenantId, Optional.of(active.version()));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    byTenant.merge(tenantId, active, (old, fresh) -> fresh.version() > old.version() ? fresh : old);
                }
            }
        });
    }
}
