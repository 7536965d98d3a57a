package dev.orden.platform.plugin;

import dev.orden.plugin.assignment.AssignmentStrategyFactory;
import dev.orden.plugin.spi.ProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A third-party assignment-strategy plugin built the way a stranger would build one: a factory compiled (here, at
 * test time, with the JDK's compiler) against the SPI jars only, registered in {@code META-INF/services}, packed into
 * a jar. Its strategy picks the available candidate whose e-mail sorts last and says so.
 */
public final class PluginJar {

    private PluginJar() {}

    /** Writes {@code jar} with a strategy of id {@code id}, in package {@code pkg}. */
    public static Path build(Path jar, String pkg, String id) {
        try {
            var work = Files.createTempDirectory("plugin-src");
            var source = work.resolve("src/" + pkg.replace('.', '/') + "/LastInLineFactory.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, source(pkg, id));
            var classes = Files.createDirectories(work.resolve("classes"));
            var javac = ToolProvider.getSystemJavaCompiler();
            int status = javac.run(null, null, System.err, "-proc:none", "--release", "21", "-classpath",
                    classpath(), "-d", classes.toString(), source.toString());
            if (status != 0) throw new IllegalStateException("the test plugin does not compile");
            var service = classes.resolve("META-INF/services/" + AssignmentStrategyFactory.class.getName());
            Files.createDirectories(service.getParent());
            Files.writeString(service, pkg + ".LastInLineFactory\n");
            pack(classes, jar);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String source(String pkg, String id) {
        return """
                package %s;

                import dev.orden.plugin.assignment.AssignmentStrategy;
                import dev.orden.plugin.assignment.AssignmentStrategyFactory;
                import dev.orden.plugin.assignment.Candidate;
                import dev.orden.plugin.assignment.Choice;
                import dev.orden.plugin.spi.PluginSession;
                import java.util.Comparator;

                public class LastInLineFactory implements AssignmentStrategyFactory {
                    public String getId() { return "%s"; }
                    public String description() { return "The available agent whose e-mail sorts last"; }
                    public AssignmentStrategy create(PluginSession session) {
                        return request -> request.available().stream().max(Comparator.comparing(Candidate::email))
                                .map(c -> Choice.of(c, "last in line of " + request.available().size()))
                                .orElseGet(() -> Choice.none(request.whyNoneAvailable()));
                    }
                }
                """.formatted(pkg, id);
    }

    /** The SPI jars (or class folders) only: what a plugin author has with {@code provided} scope. */
    private static String classpath() {
        return Stream.of(AssignmentStrategyFactory.class, ProviderFactory.class).map(PluginJar::location)
                .reduce((a, b) -> a + java.io.File.pathSeparator + b).orElseThrow();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pack(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        var tmp = Files.createTempFile(jar.getParent(), ".plugin", ".tmp");
        try (var out = new JarOutputStream(Files.newOutputStream(tmp)); Stream<Path> files = Files.walk(classes)) {
            for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        // Moved into place whole: the server may look at the directory at any moment.
        Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
