package dev.orden.rules;

import dev.orden.config.ActiveConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each tenant's active rules, compiled once per configuration version and kept until the next version is active
 * (versions never change, so a cached set is never stale for its version).
 */
@ApplicationScoped
public class RuleSets {

    @Inject
    ActiveConfiguration configuration;

    @Inject
    RuleEngine engine;

    private final ConcurrentMap<UUID, RuleSet> byTenant = new ConcurrentHashMap<>();

    /** The tenant's active rule set; empty when it has no configuration. */
    public Optional<RuleSet> active(UUID tenantId) {
        return configuration.forTenant(tenantId).map(active -> {
            var cached = byTenant.get(tenantId);
            if (cached != null && cached.configVersion() == active.version()) return cached;
            var fresh = compile(active.version(), active.bundle());
            byTenant.put(tenantId, fresh);
            if (cached != null) engine.forget(tenantId);
            return fresh;
        });
    }

    /** A version's rules compiled, e.g. a draft's for a dry run (not cached). */
    public RuleSet compile(int version, jakarta.json.JsonObject bundle) {
        var entries = RuleDefinition.of(bundle).stream().map(definition -> {
            var compilation = engine.compile(definition.key(), definition.source());
            return switch (compilation) {
                case Compilation.Compiled compiled -> new RuleSet.Entry(definition, compiled.rule(), null);
                case Compilation.Rejected rejected -> new RuleSet.Entry(definition, null, rejected.error());
            };
        }).toList();
        return new RuleSet(version, entries);
    }
}
