package dev.orden.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One more Liberty server, started from the test JVM for tests that must kill or isolate a server: a copy of the
 * running orden-it server (same build, configuration and server.env) under a name of its own, with its own free
 * ports and whatever environment the test overrides (its database, its Keycloak URL, ...).
 * <pre>
 * try (var db = TempPostgres.start("mine");
 *      var server = ExtraServer.start("mine", db.serverEnv())) {
 *     Api.as(It.ACME_REQUESTER).post(server.apiUrl() + "/workorders", ...);
 *     server.kill();   // kill -9
 * }
 * </pre>
 * {@link #close()} stops it (kill -9 if it does not stop in 20 s) and removes its directory; a JVM shutdown hook does
 * the same for a server a test forgot. A server on a fresh database seeds the demo tenants (the orden-it server's
 * ORDEN_SEED_DIR), which adopt the Keycloak organizations the shared realm already has: the demo users' tokens work
 * on it. Start a second server on the same database once the first is ready, or with {@code ORDEN_SEED_DIR=""},
 * so that two servers never seed at once.
 */
final class ExtraServer implements AutoCloseable {

    /** The orden-it server this copies (failsafe passes its name and the Liberty install). */
    static final Path WLP_HOME = Path.of(System.getProperty("orden.it.wlpHome", "target/liberty/wlp"));
    static final String IT_SERVER = System.getProperty("orden.it.serverName", "orden-it-9081");
    private static final Set<String> RUNTIME_STATE = Set.of("logs", "workarea", "tranlog", "dropins", "plugins");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(8);

    private final String name;
    private final Path dir;
    private final int httpPort;
    private final Thread cleanUpAtExit;
    /** `server start`, which returns once Liberty has started (not the application): not waited for here. */
    private Process starting;
    private Path startOutput;
    private final long createdAt = System.nanoTime();

    private ExtraServer(String name, int httpPort) {
        this.name = name;
        this.dir = WLP_HOME.resolve("usr/servers").resolve(name);
        this.httpPort = httpPort;
        this.cleanUpAtExit = new Thread(this::destroy, "extra-server-" + name);
    }

    /** {@link #launch} and {@link #awaitReady()}. */
    static ExtraServer start(String name, Map<String, String> envOverrides) {
        var server = launch(name, envOverrides);
        try {
            server.awaitReady();
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Creates the server {@code <orden-it name>-<name>} and starts it without waiting for readiness. Environment
     * overrides replace the orden-it server's values in its server.env; an empty value removes the variable.
     */
    static ExtraServer launch(String name, Map<String, String> envOverrides) {
        var server = new ExtraServer(IT_SERVER + "-" + name, freePort());
        server.destroy();
        Runtime.getRuntime().addShutdownHook(server.cleanUpAtExit);
        try {
            server.create(envOverrides);
            server.startOutput = Files.createTempFile("extra-server-start", ".out");
            server.starting = server.serverProcess("start", server.startOutput);
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    String name() {
        return name;
    }

    int httpPort() {
        return httpPort;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The API's root, {@code http://127.0.0.1:<port>/api/v1}: Api takes absolute paths. */
    String apiUrl() {
        return baseUrl() + "/api/v1";
    }

    Path messagesLog() {
        return dir.resolve("logs/messages.log");
    }

    /** Waits (at most eight minutes: a loaded machine) for /health/ready; fails with the end of messages.log if not. */
    void awaitReady() {
        var deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (readiness() == 200) {
                System.out.printf("ExtraServer %s ready %d s after its creation%n", name,
                        Duration.ofNanos(System.nanoTime() - createdAt).toSeconds());
                return;
            }
            if (starting != null && !starting.isAlive() && starting.exitValue() > 1) {
                throw new IllegalStateException("server start " + name + " failed (" + starting.exitValue() + "):\n"
                        + tail(startOutput, 20) + "\n" + tail(messagesLog(), 40));
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        throw new IllegalStateException(name + " not ready after " + READY_TIMEOUT + " (readiness " + readiness()
                + "):\n" + tail(messagesLog(), 40));
    }

    /** The status of /health/ready now (503 while a dependency is down), 0 when the server does not answer. */
    int readiness() {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return Http.DEFAULT.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server JVM's pid (Liberty's usr/servers/.pid/<name>.pid); -1 when it does not run. */
    long pid() {
        try {
            var pid = Long.parseLong(Files.readString(pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    boolean alive() {
        return pid() > 0;
    }

    /** kill -9: the JVM dies at once, in the middle of whatever it was doing. Returns once it is gone. */
    void kill() {
        var pid = pid();
        if (pid < 0) throw new IllegalStateException(name + " is not running");
        var process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " (pid " + pid + ") survived SIGKILL", e);
        }
    }

    /** Stops the server (kill -9 if it takes too long) and removes its directory; never fails. */
    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpAtExit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // already shutting down, or never registered
        }
    }

    private void destroy() {
        if (starting != null) starting.destroyForcibly();
        if (startOutput != null) TempPostgres.deleteTree(startOutput);
        if (alive()) {
            try {
                serverCommand("stop", STOP_TIMEOUT);
            } catch (RuntimeException e) {
                System.err.println("ExtraServer: " + e.getMessage());
            }
            if (alive()) {
                try {
                    kill();
                } catch (RuntimeException e) {
                    System.err.println("ExtraServer: " + e.getMessage());
                }
            }
        }
        TempPostgres.deleteTree(dir);
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            // a stale pid file is harmless: pid() checks the process
        }
    }

    private Path pidFile() {
        return WLP_HOME.resolve("usr/servers/.pid").resolve(name + ".pid");
    }

    private void create(Map<String, String> envOverrides) {
        var source = WLP_HOME.resolve("usr/servers").resolve(IT_SERVER);
        if (!Files.isRegularFile(source.resolve("server.xml"))) {
            throw new IllegalStateException("no orden-it server at " + source + " to copy");
        }
        try {
            copyTree(source, dir);
            var env = readEnv(source.resolve("server.env"));
            env.put("ORDEN_HTTP_PORT", Integer.toString(httpPort));
            env.put("ORDEN_HTTPS_PORT", Integer.toString(freePort()));
            envOverrides.forEach((key, value) -> {
                if (value == null || value.isEmpty()) env.remove(key);
                else env.put(key, value);
            });
            Files.writeString(dir.resolve("server.env"), env.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The configuration and the application, without the source server's logs, caches and deployed test archives.
     * The application goes in already expanded (apps/orden.war as a directory, which Liberty deploys as it is):
     * expanding the WAR again would be a large part of the start.
     */
    private static void copyTree(Path source, Path target) throws IOException {
        var expanded = source.resolve("apps/expanded/orden.war");
        boolean useExpanded = Files.isDirectory(expanded.resolve("WEB-INF"));
        try (Stream<Path> paths = Files.walk(source)) {
            for (var path : (Iterable<Path>) paths::iterator) {
                var relative = source.relativize(path);
                Path copy;
                if (relative.toString().isEmpty()) {
                    copy = target;
                } else if (useExpanded && path.startsWith(expanded)) {
                    copy = target.resolve("apps/orden.war").resolve(expanded.relativize(path).toString());
                } else if (isRuntimeState(relative) || useExpanded && relative.toString().equals("apps/orden.war")) {
                    continue;
                } else {
                    copy = target.resolve(relative.toString());
                }
                if (Files.isDirectory(path)) Files.createDirectories(copy);
                else Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Logs, caches, test archives and expanded applications (the orden.war one is copied separately). */
    private static boolean isRuntimeState(Path relative) {
        var first = relative.getName(0).toString();
        if (first.equals("apps")) {
            return relative.getNameCount() > 1 && relative.getName(1).toString().equals("expanded");
        }
        return RUNTIME_STATE.contains(first);
    }

    private static Map<String, String> readEnv(Path file) throws IOException {
        var env = new LinkedHashMap<String, String>();
        for (var line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#") || !line.contains("=")) continue;
            var at = line.indexOf('=');
            env.put(line.substring(0, at).trim(), line.substring(at + 1));
        }
        return env;
    }

    /** wlp/bin/server <action> <name> with this JVM's Java, bounded; its output in the exception if it fails. */
    private void serverCommand(String action, Duration timeout) {
        try {
            var output = Files.createTempFile("extra-server", ".out");
            try {
                var process = serverProcess(action, output);
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("server " + action + " " + name + " took over " + timeout);
                }
                // 1: already stopped / already running; anything else is a failure.
                if (process.exitValue() > 1) {
                    throw new IllegalStateException("server " + action + " " + name + " failed ("
                            + process.exitValue() + "):\n" + Files.readString(output));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process serverProcess(String action, Path output) throws IOException {
        var builder = new ProcessBuilder(List.of(WLP_HOME.resolve("bin/server").toString(), action, name))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    static String tail(Path file, int lines) {
        try {
            var all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no " + file + ")";
        }
    }

    /** A free TCP port on loopback (free now; a server started soon after gets it). */
    static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The build's target directory (where the Liberty install lives). */
    static Path targetDir() {
        return WLP_HOME.toAbsolutePath().getParent().getParent();
    }

    @Override
    public String toString() {
        return name + " on " + baseUrl();
    }
}
