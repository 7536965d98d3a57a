package dev.orden.config.field;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The portal's browser modules run in GraalJS (the rules' engine, no Node.js): a module without imports is
 * evaluated from the webapp directory and its exports are returned. No host access, no I/O: only what the
 * module itself is, plus JSON in and out.
 */
final class PortalModules implements AutoCloseable {

    static final Path PORTAL_JS = Path.of("src/main/webapp/portal/js");

    private final Context context = Context.newBuilder("js")
            .option("engine.WarnInterpreterOnly", "false")
            .option("js.esm-eval-returns-exports", "true")
            .build();

    /** The exports of {@code path} (relative to portal/js). */
    Value load(String path) {
        try {
            var source = Source.newBuilder("js", PORTAL_JS.resolve(path).toFile())
                    .mimeType("application/javascript+module").build();
            return context.eval(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JavaScript value made from JSON text. */
    Value json(String text) {
        return context.eval("js", "JSON.parse").execute(text);
    }

    /** A JavaScript value as JSON text. */
    String stringify(Value value) {
        return context.eval("js", "JSON.stringify").execute(value).asString();
    }

    @Override
    public void close() {
        context.close();
    }
}
