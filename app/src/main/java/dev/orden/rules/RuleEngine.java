package dev.orden.rules;

import dev.orden.rules.sandbox.Sandbox;
import dev.orden.rules.sandbox.SandboxConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Tenant flow rules in a GraalJS sandbox. A rule is JavaScript that declares {@code function rule(input)} and
 * returns an array of effects ({@code [{type: "assign", team: "plumbing"}]}); see docs/flow-rules.md for what
 * tenant admins may write. {@link #compile} at publish time (syntax only), {@link #warmUp} at start-up,
 * {@link #evaluate} per event: a rule error never throws, it comes back as {@link Evaluation.Failed}.
 *
 * <p>The sandbox (one GraalJS engine, per-tenant context pools) is built on first use, not at deployment.
 */
@ApplicationScoped
public class RuleEngine implements AutoCloseable {

    private RuleSettings settings;
    private volatile Sandbox sandbox;

    RuleEngine() {
        // for CDI's proxy
    }

    @Inject
    public RuleEngine(RuleSettings settings) {
        this.settings = settings;
    }

    /** An engine outside CDI (tests, benchmarks); close it with {@link #close()}. */
    public static RuleEngine of(SandboxConfig config) {
        var engine = new RuleEngine();
        engine.sandbox = new Sandbox(config);
        return engine;
    }

    /** Parses the rule without running it; {@link Compilation.Rejected} carries the line and column. */
    public Compilation compile(String name, String source) {
        return sandbox().compile(name, source);
    }

    /** Runs the rule under the server's maxima. */
    public Evaluation evaluate(UUID tenantId, CompiledRule rule, String inputJson) {
        return sandbox().evaluate(tenantId, rule, inputJson, null);
    }

    /**
     * Runs the rule for the tenant over {@code inputJson} (any JSON text; the rule gets a fresh copy of plain
     * values) under {@code limits}, each capped by the server's maxima.
     *
     * @throws IllegalArgumentException only for host mistakes: a rule from elsewhere, an input over the string limit
     */
    public Evaluation evaluate(UUID tenantId, CompiledRule rule, String inputJson, Limits limits) {
        return sandbox().evaluate(tenantId, rule, inputJson, limits);
    }

    /**
     * Loads the tenant's compiled rules into one of its contexts, so that its first event does not pay GraalJS's
     * warm-up; returns the rules that declare no {@code rule} function or fail at their top level.
     */
    public Map<CompiledRule, RuleError> warmUp(UUID tenantId, Collection<? extends CompiledRule> rules) {
        return sandbox().warmUp(tenantId, rules);
    }

    /** Drops the tenant's idle contexts: when its rules change, or when it is removed. */
    public void forget(UUID tenantId) {
        sandbox().forget(tenantId);
    }

    /** The server-wide maxima ({@code orden.rules.*}). */
    public Limits maxima() {
        return sandbox().maxima();
    }

    /** Idle pooled contexts of the tenant (for health and tests). */
    public int idleContexts(UUID tenantId) {
        return sandbox().idleContexts(tenantId);
    }

    private Sandbox sandbox() {
        var current = sandbox;
        if (current == null) {
            synchronized (this) {
                if (sandbox == null) sandbox = new Sandbox(settings.sandbox());
                current = sandbox;
            }
        }
        return current;
    }

    @PreDestroy
    @Override
    public void close() {
        synchronized (this) {
            if (sandbox != null) sandbox.close();
            sandbox = null;
        }
    }
}
