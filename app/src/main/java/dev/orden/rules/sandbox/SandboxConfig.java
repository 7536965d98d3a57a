package dev.orden.rules.sandbox;

import dev.orden.rules.Limits;

/**
 * How the sandbox is built: the server-wide maxima and the sizes fixed for every context.
 *
 * @param maxima what no evaluation may exceed
 * @param contextsPerTenant idle contexts kept per tenant (0: a fresh context for every evaluation)
 * @param pooledContexts idle contexts kept for all tenants together
 * @param spareContexts idle contexts made ahead, off the request path, for a tenant whose pool ran low (0: none)
 * @param maxStringLength longest JavaScript string (GraalJS's own check: every way of building one hits it)
 * @param maxArrayLength longest array the guarded array built-ins and typed arrays accept
 * @param maxSourceChars longest rule source accepted
 */
public record SandboxConfig(Limits maxima, int contextsPerTenant, int pooledContexts, int spareContexts,
                            int maxStringLength, int maxArrayLength, int maxSourceChars) {

    public static SandboxConfig defaults() {
        return new SandboxConfig(Limits.defaults(), 4, 2_000, 1, 4 << 20, 1_000_000, 200_000);
    }

    public SandboxConfig withContextsPerTenant(int contextsPerTenant) {
        return new SandboxConfig(maxima, contextsPerTenant, pooledContexts, spareContexts, maxStringLength,
                maxArrayLength, maxSourceChars);
    }

    public SandboxConfig withSpareContexts(int spareContexts) {
        return new SandboxConfig(maxima, contextsPerTenant, pooledContexts, spareContexts, maxStringLength,
                maxArrayLength, maxSourceChars);
    }

    public SandboxConfig withMaxima(Limits maxima) {
        return new SandboxConfig(maxima, contextsPerTenant, pooledContexts, spareContexts, maxStringLength,
                maxArrayLength, maxSourceChars);
    }
}
