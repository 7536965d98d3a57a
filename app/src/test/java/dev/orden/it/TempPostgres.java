package dev.orden.it;

import dev.orden.platform.DatabaseChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the fault tests, which may kill it: made by Debian's initdb under
 * {@code target/}, listening on a free loopback port only, with the roles and database `./orden` provisions on the
 * shared cluster (orden_owner owns the database, orden_app may only connect; the app migrates the schema itself).
 * PostgreSQL refuses to run as root, so as root its programs run as the {@code postgres} user (runuser).
 */
final class TempPostgres implements AutoCloseable {

    static final String DATABASE = "orden";
    static final String OWNER = "orden_owner";
    static final String APP = "orden_app";
    private static final String SUPERUSER = "postgres";
    private static final String SUPERUSER_PASSWORD = "temp-postgres";
    private static final Duration PROGRAM_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final Path data;
    private final Path bin;
    private final int port;
    private final Thread cleanUpAtExit;

    private TempPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.bin = bin;
        this.port = port;
        this.cleanUpAtExit = new Thread(this::destroy, "temp-postgres-" + port);
    }

    /** Creates, starts and provisions a cluster in {@code target/temp-postgres/<name>} (removed first if left over). */
    static TempPostgres start(String name) {
        var dir = ExtraServer.targetDir().resolve("temp-postgres").resolve(name);
        var pg = new TempPostgres(dir, binaries(), ExtraServer.freePort());
        pg.destroy();
        Runtime.getRuntime().addShutdownHook(pg.cleanUpAtExit);
        try {
            pg.initdb();
            pg.restart();
            pg.provision();
        } catch (RuntimeException | Error e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    int port() {
        return port;
    }

    /** The server.env entries that put an {@link ExtraServer} on this cluster. */
    Map<String, String> serverEnv() {
        return Map.of("ORDEN_DB_HOST", "127.0.0.1", "ORDEN_DB_PORT", Integer.toString(port),
                "ORDEN_DB_NAME", DATABASE);
    }

    /** The database as the application's runtime role reads it (JDBC URL). */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?connectTimeout=5&socketTimeout=30";
    }

    /** A superuser connection to the application's database: sees every tenant's rows (row-level security aside). */
    Connection connectAsSuperuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), SUPERUSER, SUPERUSER_PASSWORD);
    }

    /** The postmaster's pid, the first line of postmaster.pid; -1 when none runs. */
    long postmasterPid() {
        try {
            var lines = Files.readAllLines(data.resolve("postmaster.pid"));
            var pid = Long.parseLong(lines.getFirst().trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * kill -9 of the whole server, as when its machine or container dies: SIGKILL to the postmaster, then to its
     * backends (left alone they would finish what they are writing and hold the shared memory a restart needs).
     */
    void kill() {
        var pid = postmasterPid();
        if (pid < 0) throw new IllegalStateException("PostgreSQL on port " + port + " is not running");
        var postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((postmaster.isAlive() || children.stream().anyMatch(ProcessHandle::isAlive))
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        if (postmaster.isAlive()) throw new IllegalStateException("PostgreSQL pid " + pid + " survived SIGKILL");
    }

    /** Starts the cluster (crash recovery first, after a kill) and waits until it accepts connections. */
    void restart() {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port, "start");
    }

    boolean accepting() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the cluster at once and removes its files, keeping its log as {@code <name>.log} beside them. */
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
        if (postmasterPid() > 0) {
            try {
                kill();
            } catch (RuntimeException e) {
                System.err.println("TempPostgres: " + e.getMessage());
            }
        }
        keepLog(dir.resolve("postgres.log"), dir.resolveSibling(dir.getFileName() + ".log"));
        deleteTree(dir);
    }

    /** Copies a log out of a directory about to be removed, for a failed run to be looked into; never fails. */
    static void keepLog(Path log, Path keep) {
        try {
            if (!Files.isRegularFile(log)) return;
            Files.createDirectories(keep.getParent());
            Files.copy(log, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("could not keep " + log + ": " + e);
        }
    }

    private void initdb() {
        try {
            Files.createDirectories(dir);
            var pwfile = dir.resolve("pwfile");
            Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n");
            handToPostgres(dir);
            handToPostgres(pwfile);
            run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + pwfile,
                    "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
            Files.writeString(data.resolve("postgresql.conf"), String.join("\n", "",
                    "listen_addresses = '127.0.0.1'",
                    "unix_socket_directories = ''",
                    "shared_buffers = '32MB'",
                    "max_connections = 60",
                    "log_min_messages = warning",
                    ""), java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As `./orden` provisions the shared cluster (provision_postgres). */
    private void provision() {
        var postgresDb = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (var c = DriverManager.getConnection(postgresDb, SUPERUSER, SUPERUSER_PASSWORD);
             var s = c.createStatement()) {
            s.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD 'orden_owner' NOSUPERUSER NOBYPASSRLS");
            s.execute("CREATE ROLE " + APP + " LOGIN PASSWORD 'orden_app' NOSUPERUSER NOBYPASSRLS NOCREATEDB"
                    + " NOCREATEROLE");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP);
        } catch (SQLException e) {
            throw new IllegalStateException("provisioning " + postgresDb, e);
        }
        try (var c = connectAsSuperuser(); var s = c.createStatement()) {
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO " + APP);
            for (var function : DatabaseChecks.LEAKPROOF) s.execute("ALTER FUNCTION " + function + " LEAKPROOF");
        } catch (SQLException e) {
            throw new IllegalStateException("provisioning " + DATABASE, e);
        }
    }

    /** The newest PostgreSQL of Debian's /usr/lib/postgresql/<version>/bin. */
    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().split("\\.")[0])))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no /usr/lib/postgresql/*/bin/initdb"));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's server binaries are not installed", e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void handToPostgres(Path path) throws IOException {
        if (root()) run("chown", "postgres:postgres", path.toString());
    }

    /** Runs a program (as postgres when we are root) in /, with its output in the exception if it fails. */
    private static void run(String... command) {
        var line = new ArrayList<String>();
        if (root() && !command[0].equals("chown")) line.addAll(List.of("runuser", "-u", "postgres", "--"));
        line.addAll(List.of(command));
        try {
            var output = Files.createTempFile("temp-postgres", ".out");
            try {
                var process = new ProcessBuilder(line).directory(Path.of("/").toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(PROGRAM_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(line + " did not finish in " + PROGRAM_TIMEOUT);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(line + " failed (" + process.exitValue() + "):\n"
                            + Files.readString(output));
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

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not remove " + root + ": " + e);
        }
    }
}
