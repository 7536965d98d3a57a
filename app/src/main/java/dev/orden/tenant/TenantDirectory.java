package dev.orden.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks tenants up by slug for every request, with a short cache so that a request costs no extra query; a
 * suspension takes effect within the cache's lifetime.
 */
@ApplicationScoped
public class TenantDirectory {

    private record Entry(Optional<Tenant> tenant, Instant expires) {}

    private final ConcurrentHashMap<String, Entry> bySlug = new ConcurrentHashMap<>();

    @Inject
    TenantRepository repository;

    @Inject
    @ConfigProperty(name = "orden.tenant.cache-ttl", defaultValue = "PT30S")
    Duration ttl;

    public Optional<Tenant> activeBySlug(String slug) {
        var now = Instant.now();
        var entry = bySlug.get(slug);
        if (entry == null || entry.expires().isBefore(now)) {
            entry = new Entry(repository.findBySlug(slug).filter(Tenant::isActive), now.plus(ttl));
            bySlug.put(slug, entry);
        }
        return entry.tenant();
    }

    public void forget(String slug) {
        bySlug.remove(slug);
    }
}
