package dev.orden.rules;

import dev.orden.rules.sandbox.SandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The server-wide rule limits and sandbox sizes ({@code orden.rules.*}); per-call limits may only be lower. */
@ApplicationScoped
public class RuleSettings {

    @Inject
    @ConfigProperty(name = "orden.rules.max-statements", defaultValue = "100000")
    long statements;

    @Inject
    @ConfigProperty(name = "orden.rules.timeout", defaultValue = "PT0.5S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "orden.rules.max-allocated-bytes", defaultValue = "67108864")
    long allocatedBytes;

    @Inject
    @ConfigProperty(name = "orden.rules.max-effects", defaultValue = "50")
    int maxEffects;

    @Inject
    @ConfigProperty(name = "orden.rules.max-result-chars", defaultValue = "65536")
    int maxResultChars;

    @Inject
    @ConfigProperty(name = "orden.rules.max-log-lines", defaultValue = "50")
    int maxLogLines;

    @Inject
    @ConfigProperty(name = "orden.rules.contexts-per-tenant", defaultValue = "4")
    int contextsPerTenant;

    @Inject
    @ConfigProperty(name = "orden.rules.pooled-contexts", defaultValue = "2000")
    int pooledContexts;

    @Inject
    @ConfigProperty(name = "orden.rules.spare-contexts", defaultValue = "1")
    int spareContexts;

    @Inject
    @ConfigProperty(name = "orden.rules.max-string-length", defaultValue = "4194304")
    int maxStringLength;

    @Inject
    @ConfigProperty(name = "orden.rules.max-array-length", defaultValue = "1000000")
    int maxArrayLength;

    @Inject
    @ConfigProperty(name = "orden.rules.max-source-chars", defaultValue = "200000")
    int maxSourceChars;

    @Inject
    @ConfigProperty(name = "orden.rules.batch-budget", defaultValue = "PT10S")
    Duration batchBudget;

    /** Wall-clock time for the evaluations of one dry run, or of one draft's rule tests, in all. */
    public Duration batchBudget() {
        return batchBudget;
    }

    public SandboxConfig sandbox() {
        var maxima = new Limits(statements, timeout, allocatedBytes, maxEffects, maxResultChars, maxLogLines);
        return new SandboxConfig(maxima, contextsPerTenant, pooledContexts, spareContexts, maxStringLength,
                maxArrayLength, maxSourceChars);
    }
}
