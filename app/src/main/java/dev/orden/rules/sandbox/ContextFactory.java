package dev.orden.rules.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Predicate;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Builds the hardened contexts: nothing of the host reachable (no host access; host class lookup left unset, since
 * even a lookup that refuses everything creates the {@code Java} and {@code Packages} globals; no IO, threads, processes, native code, environment or polyglot access), no {@code load}, {@code print},
 * {@code console}, {@code Polyglot} or {@code Graal} globals, no code from strings ({@code eval}, {@code Function}),
 * no SharedArrayBuffer or Atomics, strings and typed arrays capped, then the prelude (helpers, guarded array
 * built-ins) and the freezer (everything a rule can reach frozen). Every context shares the one {@link Engine} and
 * its code cache, with the same {@link HostAccess} (GraalJS requires it).
 */
final class ContextFactory {

    /**
     * TRUSTED, with every permission denied explicitly below (and proved by the hostile-script tests): CONSTRAINED
     * would refuse the very options that bound memory (string and typed-array lengths) and turn off
     * SharedArrayBuffer and Atomics; ISOLATED and UNTRUSTED need Oracle GraalVM.
     */
    static final SandboxPolicy POLICY = SandboxPolicy.TRUSTED;
    /** Nothing of a host object is accessible, and no guest value maps onto a mutable host type. One instance. */
    private static final HostAccess NO_HOST_ACCESS = HostAccess.newBuilder().allowMutableTargetMappings().build();
    private static final String PRELUDE_NAME = "orden-prelude.js";
    private static final String FREEZER_NAME = "orden-freezer.js";

    private final Engine engine;
    private final SandboxConfig config;
    private final Source prelude;
    /** Freezes what a rule could reach in a context the prelude set up (made by freezing.js at start). */
    private final Source freezer;
    /**
     * What the statement limit counts: the tenant's code, not the prelude's one-off set-up (which must never use up
     * a small budget). By equality of name and text, since a rule may be called anything. One instance: GraalJS
     * requires the same predicate for every context of an engine.
     */
    private final Predicate<Source> tenantCode;

    ContextFactory(Engine engine, SandboxConfig config) {
        this.engine = engine;
        this.config = config;
        this.prelude = Source.newBuilder("js", resource("prelude.js"), PRELUDE_NAME).cached(true).buildLiteral();
        this.freezer = Source.newBuilder("js", freezerText(), FREEZER_NAME).cached(true).buildLiteral();
        this.tenantCode = source -> !source.equals(prelude) && !source.equals(freezer);
    }

    /** The freezer's source, from the walk of a reference context set up as every context will be. */
    private String freezerText() {
        try (var reference = builder().build()) {
            var hidden = setUp(reference).getArrayElement(2);
            return reference.eval(Source.create("js", resource("freezing.js"))).execute(hidden).asString();
        }
    }

    private Value setUp(Context context) {
        return context.eval(prelude).execute(config.maxArrayLength(), 500);
    }

    SandboxContext create(UUID tenantId, long statementLimit) {
        var sandboxContext = new SandboxContext(tenantId, statementLimit);
        var limits = ResourceLimits.newBuilder()
                .statementLimit(statementLimit, tenantCode)
                .onLimit(event -> sandboxContext.limitReached())
                .build();
        var context = builder().resourceLimits(limits).build();
        try {
            var entryPoints = setUp(context);
            context.eval(freezer).execute(entryPoints.getArrayElement(2));
            sandboxContext.attach(context, entryPoints);
            return sandboxContext;
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    /** A context for parsing only (syntax checks): the same options, never used to run anything. */
    Context parser() {
        return builder().build();
    }

    private Context.Builder builder() {
        return Context.newBuilder("js")
                .engine(engine)
                .sandbox(POLICY)
                .allowHostAccess(NO_HOST_ACCESS)
                .allowHostClassLoading(false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowValueSharing(false)
                .allowInnerContextOptions(false)
                .allowExperimentalOptions(true)
                .in(InputStream.nullInputStream())
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.console", "false")
                .option("js.graal-builtin", "false")
                .option("js.polyglot-builtin", "false")
                .option("js.allow-eval", "false")
                .option("js.shared-array-buffer", "false")
                .option("js.atomics", "false")
                .option("js.unhandled-rejections", "none")
                .option("js.string-length-limit", Integer.toString(config.maxStringLength()))
                .option("js.max-typed-array-length", Integer.toString(config.maxArrayLength()))
                .option("js.max-apply-argument-length", Integer.toString(Math.min(config.maxArrayLength(), 65_535)));
    }

    private static String resource(String name) {
        try (InputStream in = ContextFactory.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
