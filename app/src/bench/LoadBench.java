import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Issue #8's load benchmark (docs/performance.md, "Load"): work orders created over HTTP with real tokens while acme's
 * JavaScript routing rule runs on each, at 1, 4, 16 and 64 closed-loop clients; in the same run pgbench with the
 * equivalent transaction (counter, order, history, rule trace, SLA clocks) against the same PostgreSQL; then an
 * open-loop run at half the best HTTP throughput for its p99; and the list over a database seeded with 1 M orders
 * across 1 000 tenants; and {@code flood}: one tenant floods while another works at a steady rate, to see what the
 * per-tenant quota leaves the second. Not part of ./mvnw verify; started by app/src/bench/load.sh.
 */
public class LoadBench {

    static final String API = setting("API", "http://127.0.0.1:9087/api/v1");
    static final String KC = setting("KC", "http://127.0.0.1:8180");
    static final String REALM = setting("REALM", "orden");
    static final String DB_HOST = setting("DB_HOST", "127.0.0.1");
    static final String DB_PORT = setting("DB_PORT", "5432");
    static final String DB_NAME = setting("DB_NAME", "orden_bench");
    static final String TENANT = setting("TENANT", "acme");
    static final String USER = setting("USER", "dispatcher@acme.test");
    static final String PASSWORD = setting("PASSWORD", "demo");
    static final String OWNER_PASSWORD = setting("OWNER_PASSWORD", "orden_owner");
    static final String APP_PASSWORD = setting("APP_PASSWORD", "orden_app");
    static final int SECONDS = Integer.parseInt(setting("SECONDS", "20"));
    static final int WARMUP_SECONDS = Integer.parseInt(setting("WARMUP_SECONDS", "10"));
    static final List<Integer> CLIENTS = Arrays.stream(setting("CLIENTS", "1,4,16,64").split(","))
            .map(String::trim).map(Integer::parseInt).toList();
    /** flood: tenant B, working at a steady rate while {@code USER}'s tenant (A) floods. */
    static final String B_USER = setting("B_USER", "dispatcher@globex.test");
    static final int FLOOD_CLIENTS = Integer.parseInt(setting("FLOOD_CLIENTS", "48"));
    static final int STEADY_CLIENTS = Integer.parseInt(setting("STEADY_CLIENTS", "2"));
    static final double STEADY_RATE = Double.parseDouble(setting("STEADY_RATE", "5"));
    /** flood: whether A's clients wait Retry-After on a 429, as a well-behaved client does (by default they do not). */
    static final boolean FLOOD_WAITS = Boolean.parseBoolean(setting("FLOOD_WAITS", "false"));
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** A repair in Madrid: acme's route_by_city rule evaluates it and assigns the team. */
    static final String ORDER = """
            {"type":"repair","title":"Load %d","priority":"NORMAL","description":"Created by LoadBench",
             "customFields":{"appliance":"washer","visitAddress":{"address":"Calle Mayor %d, Madrid"}}}""";

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "help") {
            case "create" -> create();
            case "http" -> httpOnly();
            case "seed" -> seed(arg(args, 1, 1000), arg(args, 2, 1_000_000));
            case "list" -> list(arg(args, 1, 500));
            case "flood" -> flood();
            default -> System.out.println("usage: LoadBench create | http | seed [tenants] [orders] | list [requests] | flood");
        }
    }

    // ---------------------------------------------------------------- create: HTTP and pgbench side by side

    static void create() throws Exception {
        var tenant = tenantId();
        var script = pgbenchScript();
        System.out.printf("warm-up: %d s at %d clients%n", WARMUP_SECONDS, CLIENTS.getLast());
        closedLoop(CLIENTS.getLast(), WARMUP_SECONDS);
        pgbench(tenant, script, CLIENTS.getLast(), WARMUP_SECONDS);
        var rows = new ArrayList<String>();
        double best = 0;
        for (var clients : CLIENTS) {
            var http = closedLoop(clients, SECONDS);
            var sql = pgbench(tenant, script, clients, SECONDS);
            best = Math.max(best, http.throughput());
            rows.add("| %d | %s | %s | %.0f %% |".formatted(clients, http, sql, 100 * http.throughput() / sql.throughput()));
        }
        System.out.println();
        System.out.println("| clients | HTTP create/s | p50 | p95 | p99 | pgbench tps | p50 | p95 | p99 | HTTP / pgbench |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        var half = best / 2;
        var open = openLoop(half, SECONDS);
        System.out.printf("%nopen loop at %.0f/s (half of the best %.0f/s): %s%n", half, best, open);
    }

    /** HTTP creates alone at the last of BENCH_CLIENTS, without pgbench: the run to profile the server on. */
    static void httpOnly() throws Exception {
        closedLoop(CLIENTS.getLast(), WARMUP_SECONDS);
        System.out.println("warm-up done");
        System.out.printf("%d clients: %s (create/s | p50 | p95 | p99)%n", CLIENTS.getLast(), closedLoop(CLIENTS.getLast(), SECONDS));
    }

    record Result(long count, double seconds, double[] millis) {
        double throughput() {
            return count / seconds;
        }

        double pct(double p) {
            if (millis.length == 0) return Double.NaN;
            return millis[(int) Math.min(millis.length - 1, Math.ceil(p / 100 * millis.length) - 1)];
        }

        @Override
        public String toString() {
            return "%.1f | %.1f | %.1f | %.1f".formatted(throughput(), pct(50), pct(95), pct(99));
        }

        static Result of(ConcurrentLinkedQueue<Double> samples, double seconds) {
            var sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Result(sorted.length, seconds, sorted);
        }
    }

    /** {@code clients} threads each creating orders one after another for {@code seconds}. */
    static Result closedLoop(int clients, int seconds) throws Exception {
        var token = token();
        var samples = new ConcurrentLinkedQueue<Double>();
        var failures = new AtomicLong();
        var end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        var start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        var t0 = System.nanoTime();
                        if (createOne(token)) samples.add((System.nanoTime() - t0) / 1e6);
                        else failures.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        if (failures.get() > 0) System.out.printf("  %d clients: %d failed requests%n", clients, failures.get());
        return Result.of(samples, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Requests started on a fixed schedule whatever the answers do, each timed from when it was due: a slow answer
     * delays no later request and cannot hide its own cost (no coordinated omission).
     */
    static Result openLoop(double perSecond, int seconds) throws Exception {
        var token = token();
        var samples = new ConcurrentLinkedQueue<Double>();
        var failures = new AtomicLong();
        var interval = (long) (1e9 / perSecond);
        var start = System.nanoTime();
        long total = (long) (perSecond * seconds);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                var due = start + i * interval;
                var wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                pool.submit(() -> {
                    if (createOne(token)) samples.add((System.nanoTime() - due) / 1e6);
                    else failures.incrementAndGet();
                    return null;
                });
            }
        }
        if (failures.get() > 0) System.out.printf("  open loop: %d failed requests%n", failures.get());
        return Result.of(samples, (System.nanoTime() - start) / 1e9);
    }

    static final AtomicLong SEQUENCE = new AtomicLong();

    static boolean createOne(String token) {
        var n = SEQUENCE.incrementAndGet();
        return post(token, ORDER.formatted(n, n % 200)) == 201;
    }

    /** POST /workorders: the status, or -1 when there was no answer. */
    static int post(String token, String order) {
        var response = send(token, order);
        return response == null ? -1 : response.statusCode();
    }

    static HttpResponse<Void> send(String token, String order) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(API + "/workorders"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(order)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- flood: one tenant floods, another works

    /** Tenant B's order: a general one of globex (its safety rule runs on every create). */
    static final String STEADY_ORDER = """
            {"type":"general","title":"Steady %d","priority":"NORMAL","description":"Created by LoadBench (steady)"}""";

    /**
     * Tenant B ({@code B_USER}) creates orders at a steady rate, first alone, then while tenant A ({@code USER}) floods
     * with {@code FLOOD_CLIENTS} closed-loop clients that retry at once, ignoring Retry-After (the worst case; with
     * {@code FLOOD_WAITS=true} they wait it). B's
     * requests run on a fixed schedule, each timed from when it was due. Run once with the tenant quota on and once
     * with it off ({@code ORDEN_RATE_LIMIT_TENANT_API_ENABLED=false} on the server) to compare.
     */
    static void flood() throws Exception {
        var a = token(USER);
        var b = token(B_USER);
        System.out.printf("warm-up: %d s, A at 4 clients and B steady%n", WARMUP_SECONDS);
        var warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 4; c++) pool.submit(() -> flooding(a, warm, new ConcurrentHashMap<>()));
            steady(b, WARMUP_SECONDS);
        }
        var alone = steady(b, SECONDS);
        var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
        var end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        var start = System.nanoTime();
        Steady flooded;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < FLOOD_CLIENTS; c++) pool.submit(() -> flooding(a, end, statuses));
            flooded = steady(b, SECONDS);
        }
        var seconds = (System.nanoTime() - start) / 1e9;
        System.out.println();
        System.out.printf("B: %d client(s) at %.1f creates/s each; A: %d clients flooding, %d s, %s%n", STEADY_CLIENTS,
                STEADY_RATE, FLOOD_CLIENTS, SECONDS, FLOOD_WAITS ? "waiting Retry-After" : "resending at once");
        System.out.println("| B | B creates | B p50 ms | p95 | p99 | B not 201 | A 201/s | A 429/s | A other |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        System.out.printf("| alone | %s | — | — | — |%n", alone);
        long accepted = count(statuses, 201);
        long refused = count(statuses, 429);
        long other = statuses.values().stream().mapToLong(AtomicLong::get).sum() - accepted - refused;
        System.out.printf("| while A floods | %s | %.1f | %.1f | %d |%n", flooded, accepted / seconds,
                refused / seconds, other);
    }

    record Steady(Result result, long failed) {
        @Override
        public String toString() {
            return "%d | %.1f | %.1f | %.1f | %d".formatted(result.count(), result.pct(50), result.pct(95), result.pct(99),
                    failed);
        }
    }

    static long count(Map<Integer, AtomicLong> statuses, int status) {
        var n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    static Void flooding(String token, long end, Map<Integer, AtomicLong> statuses) throws InterruptedException {
        while (System.nanoTime() < end) {
            var n = SEQUENCE.incrementAndGet();
            var response = send(token, ORDER.formatted(n, n % 200));
            var status = response == null ? -1 : response.statusCode();
            statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
            if (status == 429 && FLOOD_WAITS) {
                var wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                TimeUnit.SECONDS.sleep(Math.min(wait, TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime()) + 1));
            }
        }
        return null;
    }

    /** {@code STEADY_CLIENTS} clients, each creating B's orders every 1/{@code STEADY_RATE} s, timed from when due. */
    static Steady steady(String token, int seconds) throws Exception {
        var samples = new ConcurrentLinkedQueue<Double>();
        var failed = new AtomicLong();
        var interval = (long) (1e9 / STEADY_RATE);
        var start = System.nanoTime();
        long perClient = (long) (STEADY_RATE * seconds);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < STEADY_CLIENTS; c++) {
                var offset = c * interval / STEADY_CLIENTS;
                pool.submit(() -> {
                    for (long i = 0; i < perClient; i++) {
                        var due = start + offset + i * interval;
                        var wait = due - System.nanoTime();
                        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                        var n = SEQUENCE.incrementAndGet();
                        if (post(token, STEADY_ORDER.formatted(n)) == 201) samples.add((System.nanoTime() - due) / 1e6);
                        else failed.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return new Steady(Result.of(samples, (System.nanoTime() - start) / 1e9), failed.get());
    }

    /**
     * What one create writes, as plain SQL: the tenant's number, the order, its CREATED and ASSIGNED history rows,
     * the rule's trace and the SLA clocks, in one transaction bound to the tenant as the server binds it (RLS on).
     */
    static Path pgbenchScript() throws Exception {
        var script = """
                BEGIN;
                SELECT set_config('app.tenant_id', :tenant, true);
                UPDATE work_order_counter SET last_number = last_number + 1 WHERE tenant_id = CAST(:tenant AS uuid) RETURNING last_number AS number \\gset
                SELECT gen_random_uuid() AS id \\gset
                INSERT INTO work_order (tenant_id, id, number, title, description, type, priority, status, status_category, area, requester_id, requester_name, team, custom_fields, created_at, created_by, updated_at, version, config_version) VALUES (CAST(:tenant AS uuid), CAST(:id AS uuid), :number, 'pgbench order', 'Created by pgbench', 'repair', 'NORMAL', 'NEW', 'new', 'madrid', 'pgbench', 'pgbench', 'madrid_repair', '{"appliance":"washer","visitAddress":{"address":"Calle Mayor 1, Madrid"}}', now(), 'pgbench', now(), 1, :cv);
                INSERT INTO work_order_event (tenant_id, id, work_order_id, occurred_at, actor_id, actor_name, kind, visibility, config_version) VALUES (CAST(:tenant AS uuid), gen_random_uuid(), CAST(:id AS uuid), now(), 'pgbench', 'pgbench', 'CREATED', 'PUBLIC', :cv);
                INSERT INTO work_order_event (tenant_id, id, work_order_id, occurred_at, actor_id, actor_name, kind, field, new_value, visibility, config_version) VALUES (CAST(:tenant AS uuid), gen_random_uuid(), CAST(:id AS uuid), now(), 'rule', 'route_by_city', 'ASSIGNED', 'team', 'madrid_repair', 'PUBLIC', :cv);
                INSERT INTO rule_trace (tenant_id, id, work_order_id, rule_key, rule_name, config_version, event, mode, outcome, duration_micros, effects, occurred_at) VALUES (CAST(:tenant AS uuid), gen_random_uuid(), CAST(:id AS uuid), 'route_by_city', 'Route repairs by city', :cv, 'workorder.creating', 'ACTIVE', 'APPLIED', 40, '[{"type":"assign","team":"madrid_repair"}]', now());
                INSERT INTO work_order_sla (tenant_id, work_order_id, first_response_due, resolution_due) VALUES (CAST(:tenant AS uuid), CAST(:id AS uuid), now() + interval '4 hours', now() + interval '2 days');
                END;
                """;
        var file = Files.createTempFile("orden-create", ".sql");
        Files.writeString(file, script);
        return file;
    }

    static Result pgbench(Tenant tenant, Path script, int clients, int seconds) throws Exception {
        var log = Files.createTempDirectory("orden-pgbench");
        var command = List.of("pgbench", "-n", "-M", "prepared", "-h", DB_HOST, "-p", DB_PORT, "-U", "orden_app",
                "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds),
                "-D", "tenant=" + tenant.id(), "-D", "cv=" + tenant.configVersion(), "-f", script.toString(),
                "-l", "--log-prefix=" + log.resolve("tx"), DB_NAME);
        var process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().put("PGPASSWORD", APP_PASSWORD);
        var running = process.start();
        var output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (running.waitFor() != 0) throw new IllegalStateException("pgbench failed:\n" + output);
        var failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
        if (failed.find() && !failed.group(1).equals("0")) System.out.println("  pgbench failures: " + failed.group(1));
        var samples = new ConcurrentLinkedQueue<Double>();
        try (var files = Files.list(log)) {
            for (var file : files.toList()) {
                // Each line: client, transaction, latency in µs, script, epoch seconds, µs.
                Files.readAllLines(file).forEach(line -> samples.add(Long.parseLong(line.split(" ")[2]) / 1e3));
            }
        }
        return Result.of(samples, seconds);
    }

    record Tenant(String id, int configVersion) {}

    static Tenant tenantId() throws Exception {
        try (var c = owner()) {
            c.setAutoCommit(false);
            String id;
            try (var ps = c.prepareStatement("SELECT id FROM tenant WHERE slug = ?")) {
                ps.setString(1, TENANT);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalStateException("no tenant " + TENANT);
                    id = rs.getString(1);
                }
            }
            bind(c, id);
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT version FROM tenant_config_active")) {
                rs.next();
                return new Tenant(id, rs.getInt(1));
            } finally {
                c.rollback();
            }
        }
    }

    // ---------------------------------------------------------------- seed and list: 1 M orders, 1 000 tenants

    /**
     * {@code tenants - 1} synthetic tenants plus {@code TENANT}, each with {@code orders / tenants} orders and their
     * CREATED history row, one transaction per tenant bound to it (RLS is forced for the owner too).
     */
    static void seed(int tenants, int orders) throws Exception {
        var perTenant = orders / tenants;
        var t0 = System.nanoTime();
        var real = tenantId();
        try (var c = owner()) {
            c.setAutoCommit(false);
            for (int t = 0; t < tenants; t++) {
                String id = t == 0 ? real.id() : syntheticTenant(c, t);
                bind(c, id);
                seedOrders(c, id, t == 0 ? real.configVersion() : null, perTenant);
                c.commit();
                if (t % 100 == 0) System.out.printf("  %d tenants, %.0f s%n", t + 1, (System.nanoTime() - t0) / 1e9);
            }
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute("VACUUM ANALYZE work_order");
                st.execute("VACUUM ANALYZE work_order_event");
            }
        }
        System.out.printf("seeded %d orders in %d tenants in %.0f s%n", perTenant * tenants, tenants,
                (System.nanoTime() - t0) / 1e9);
    }

    static String syntheticTenant(Connection c, int n) throws Exception {
        try (var ps = c.prepareStatement("""
                INSERT INTO tenant (id, slug, name) VALUES (gen_random_uuid(), ?, ?)
                ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id""")) {
            ps.setString(1, "bench-%04d".formatted(n));
            ps.setString(2, "Bench tenant %d".formatted(n));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static void seedOrders(Connection c, String tenant, Integer configVersion, int count) throws Exception {
        long start;
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT coalesce(max(last_number), 0) FROM work_order_counter")) {
            rs.next();
            start = rs.getLong(1);
        }
        try (var ps = c.prepareStatement("""
                INSERT INTO work_order (tenant_id, id, number, title, description, type, priority, status,
                    status_category, area, requester_id, requester_name, assignee_id, assignee_name, team,
                    custom_fields, created_at, created_by, updated_at, version, config_version)
                SELECT ?::uuid, gen_random_uuid(), ? + i, 'Seeded order ' || i, 'Seeded by LoadBench', 'repair',
                    (ARRAY['LOW','NORMAL','NORMAL','HIGH'])[1 + i % 4],
                    (ARRAY['CLOSED','CLOSED','RESOLVED','NEW','ASSIGNED','IN_PROGRESS'])[1 + i % 6],
                    (ARRAY['closed','closed','resolved','new','open','open'])[1 + i % 6],
                    (ARRAY['madrid','barcelona','valencia'])[1 + i % 3],
                    'bench-requester-' || (i % 50), 'Requester ' || (i % 50),
                    CASE WHEN i % 6 < 3 OR i % 6 > 3 THEN 'bench-agent-' || (i % 10) END,
                    CASE WHEN i % 6 < 3 OR i % 6 > 3 THEN 'Agent ' || (i % 10) END,
                    'madrid_repair',
                    jsonb_build_object('appliance', (ARRAY['washer','fridge','oven'])[1 + i % 3],
                                       'visitAddress', jsonb_build_object('address', 'Calle ' || i || ', Madrid')),
                    now() - (? - i) * interval '17 minutes', 'bench', now() - (? - i) * interval '11 minutes', 1, ?
                FROM generate_series(1, ?) AS i""")) {
            int p = 1;
            ps.setString(p++, tenant);
            ps.setLong(p++, start);
            ps.setInt(p++, count);
            ps.setInt(p++, count);
            if (configVersion == null) ps.setNull(p++, java.sql.Types.INTEGER); else ps.setInt(p++, configVersion);
            ps.setInt(p, count);
            ps.executeUpdate();
        }
        try (var ps = c.prepareStatement("""
                INSERT INTO work_order_event (tenant_id, id, work_order_id, occurred_at, actor_id, actor_name, kind,
                    visibility)
                SELECT tenant_id, gen_random_uuid(), id, created_at, 'bench', 'Bench', 'CREATED', 'PUBLIC'
                FROM work_order WHERE number > ?""")) {
            ps.setLong(1, start);
            ps.executeUpdate();
        }
        try (var ps = c.prepareStatement("""
                INSERT INTO work_order_counter (tenant_id, last_number) VALUES (?::uuid, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET last_number = EXCLUDED.last_number""")) {
            ps.setString(1, tenant);
            ps.setLong(2, start + count);
            ps.executeUpdate();
        }
    }

    /** The list and search a queue page makes, as {@code USER}, at 1 and 4 clients. */
    static void list(int requests) throws Exception {
        var cases = List.of(
                new String[] {"queue: newest 50", "/workorders?limit=50&sort=-updatedAt"},
                new String[] {"open orders of a team", "/workorders?limit=50&category=open&team=madrid_repair"},
                new String[] {"text search", "/workorders?limit=50&q=Calle%20123"},
                new String[] {"text search: 7 093 hits", "/workorders?limit=50&q=load%201"},
                new String[] {"text search: most tenants' word", "/workorders?limit=50&q=seeded"},
                new String[] {"counts", "/workorders/counts"});
        System.out.println("| request | clients | p50 | p95 | p99 | req/s |");
        System.out.println("|---|---|---|---|---|---|");
        for (var c : cases) {
            for (var clients : List.of(1, 4)) {
                var token = token();
                timedGets(token, c[1], requests / 5, clients);
                var result = timedGets(token, c[1], requests, clients);
                System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", c[0], clients, result.pct(50),
                        result.pct(95), result.pct(99), result.throughput());
            }
        }
    }

    static Result timedGets(String token, String path, int total, int clients) throws Exception {
        var samples = new ConcurrentLinkedQueue<Double>();
        var left = new AtomicLong(total);
        var start = System.nanoTime();
        var clientsDone = new ArrayList<java.util.concurrent.Future<Object>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                clientsDone.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        var t0 = System.nanoTime();
                        var response = HTTP.send(HttpRequest.newBuilder(URI.create(API + path))
                                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
                        }
                        samples.add((System.nanoTime() - t0) / 1e6);
                    }
                    return null;
                }));
            }
        }
        // A refused request (a 429 of the tenant's quota) ends its client: fail the run rather than time the rest.
        for (var client : clientsDone) client.get();
        return Result.of(samples, (System.nanoTime() - start) / 1e9);
    }

    // ---------------------------------------------------------------- plumbing

    static String token() throws Exception {
        return token(USER);
    }

    static String token(String user) throws Exception {
        var form = "grant_type=password&client_id=orden-portal&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(KC + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    static Connection owner() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://%s:%s/%s".formatted(DB_HOST, DB_PORT, DB_NAME),
                "orden_owner", OWNER_PASSWORD);
    }

    static void bind(Connection c, String tenantId) throws Exception {
        try (var ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenantId);
            ps.executeQuery().close();
        }
    }

    static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    static String setting(String name, String fallback) {
        var value = System.getProperty(name, System.getenv("BENCH_" + name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
