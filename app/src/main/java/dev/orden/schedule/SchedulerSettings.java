package dev.orden.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code orden.scheduler.*}: whether this server runs jobs (and which kinds), how often it looks, how many at once, for how long. */
@ApplicationScoped
public class SchedulerSettings {

    /** Off: this server never claims a job (others still do); jobs are still scheduled and reconciled. */
    @Inject
    @ConfigProperty(name = "orden.scheduler.enabled", defaultValue = "true")
    boolean enabled;

    /** The kinds this server claims (comma-separated); empty: every kind it has a handler for. */
    @Inject
    @ConfigProperty(name = "orden.scheduler.kinds")
    Optional<List<String>> kinds;

    @Inject
    @ConfigProperty(name = "orden.scheduler.poll-interval", defaultValue = "PT5S")
    Duration pollInterval;

    /** Jobs one server runs at the same time (and so claims at most per poll). */
    @Inject
    @ConfigProperty(name = "orden.scheduler.batch-size", defaultValue = "8")
    int batchSize;

    /** How long a claim holds without a checkpoint; after it another server takes the job over. */
    @Inject
    @ConfigProperty(name = "orden.scheduler.lease", defaultValue = "PT2M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "orden.scheduler.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "orden.scheduler.backoff", defaultValue = "PT30S")
    Duration backoffBase;

    @Inject
    @ConfigProperty(name = "orden.scheduler.backoff-max", defaultValue = "PT1H")
    Duration backoffMax;

    public boolean enabled() { return enabled; }
    public Duration pollInterval() { return pollInterval; }
    public Set<String> kinds() { return kinds.map(Set::copyOf).orElse(Set.of()); }
    public int batchSize() { return Math.max(1, batchSize); }
    public Duration lease() { return lease; }
    public int maxAttempts() { return Math.max(1, maxAttempts); }
    public Backoff backoff() { return new Backoff(backoffBase, backoffMax); }
}
