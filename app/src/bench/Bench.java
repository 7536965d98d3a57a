import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orden's load driver for the two figures of issue #3 (docs/benchmarks.md). Not part of the build: run it with
 * app/src/bench/run.sh, which puts the PostgreSQL driver and Jakarta JSON-P on the class path.
 *
 * <pre>
 *   run.sh seed [count]                       100k acme work orders straight into PostgreSQL (as the owner, RLS on)
 *   run.sh list [iterations] [warmup]          list + counts filtered by cf.model at 1 and 4 clients, over HTTP
 *   run.sh explain                            EXPLAIN (ANALYZE, BUFFERS) of the list/count SQL as orden_app
 *   run.sh publish [repetitions]              PUT draft + publish of a 200-field bundle
 *   run.sh datetime                           publishes acme's bundle plus a datetime field visitAt on general
 *   run.sh sort [iterations] [warmup]         list sorted / range-filtered by custom fields, at 1 and 4 clients
 *   run.sh explain-sort                       EXPLAIN (ANALYZE, BUFFERS) of those statements as orden_app
 * </pre>
 * Settings (system properties, or environment variables with a BENCH_ prefix): API (http://127.0.0.1:9087/api/v1), KC (http://127.0.0.1:8180),
 * REALM (orden), DB (jdbc:postgresql://127.0.0.1:5432/orden_bench), TENANT (acme), USER (admin@acme.test),
 * PASSWORD (demo), BUNDLE (a bundle .json file; unset: the tenant's version 1, i.e. what was seeded from
 * tenant-config/acme/).
 */
public class Bench {

    static final String API = setting("API", "http://127.0.0.1:9087/api/v1");
    static final String KC = setting("KC", "http://127.0.0.1:8180");
    static final String REALM = setting("REALM", "orden");
    static final String DB = setting("DB", "jdbc:postgresql://127.0.0.1:5432/orden_bench");
    static final String TENANT = setting("TENANT", "acme");
    static final String USER = setting("USER", "admin@acme.test");
    static final String PASSWORD = setting("PASSWORD", "demo");
    static final String BUNDLE = setting("BUNDLE", "");

    /** 5 % of the orders carry this model (a popular value); the rest spread over MODELS models (~0.05 % each). */
    static final String POPULAR = "WX-100";
    static final int MODELS = 2000;
    static final String RARE = "M-0042";

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        var command = args.length > 0 ? args[0] : "help";
        switch (command) {
            case "seed" -> seed(args.length > 1 ? Integer.parseInt(args[1]) : 100_000);
            case "list" -> list(args.length > 1 ? Integer.parseInt(args[1]) : 300, args.length > 2 ? Integer.parseInt(args[2]) : 100);
            case "explain" -> explain();
            case "publish" -> publish(args.length > 1 ? Integer.parseInt(args[1]) : 20);
            case "datetime" -> publishVisitAt();
            case "sort" -> sort(args.length > 1 ? Integer.parseInt(args[1]) : 300, args.length > 2 ? Integer.parseInt(args[2]) : 100);
            case "explain-sort" -> explainSort();
            default -> System.out.println("usage: Bench seed [n] | list [iterations] [warmup] | explain | publish [repetitions]"
                    + " | datetime | sort [iterations] [warmup] | explain-sort");
        }
    }

    // ---------------------------------------------------------------- seed

    static void seed(int count) throws Exception {
        try (var c = DriverManager.getConnection(DB, "orden_owner", setting("OWNER_PASSWORD", "orden_owner"))) {
            c.setAutoCommit(false);
            var tenantId = tenantId(c);
            setTenant(c, tenantId);
            long start;
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT coalesce(max(number), 0) FROM work_order")) {
                rs.next();
                start = rs.getLong(1);
            }
            Integer version;
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT version FROM tenant_config_active")) {
                version = rs.next() ? rs.getInt(1) : null;
            }
            long t0 = System.nanoTime();
            // One INSERT ... SELECT: 15 custom-field keys per order (repair fields plus the general ones), a unique
            // serial, a model drawn from MODELS values with 5 % on one popular model, statuses spread like a live
            // backlog (most orders closed), created over the last two years.
            var sql = """
                INSERT INTO work_order (tenant_id, id, number, title, description, type, priority, status, area,
                    requester_id, requester_name, assignee_id, assignee_name, team, custom_fields, created_at,
                    created_by, updated_at, version, config_version)
                SELECT ?::uuid, gen_random_uuid(), ? + i, 'Bench order ' || i, 'Seeded by app/src/bench/Bench.java',
                    CASE WHEN i % 5 < 3 THEN 'repair' ELSE 'general' END,
                    (ARRAY['LOW','NORMAL','NORMAL','NORMAL','HIGH','URGENT'])[1 + i % 6],
                    (ARRAY['CLOSED','CLOSED','CLOSED','CLOSED','RESOLVED','RESOLVED','CANCELLED','NEW','ASSIGNED',
                           'IN_PROGRESS','IN_PROGRESS','ON_HOLD'])[1 + (i * 7) % 12],
                    (ARRAY['madrid','barcelona','valencia'])[1 + i % 3],
                    'bench-requester-' || (i % 500), 'Requester ' || (i % 500),
                    CASE WHEN i % 10 = 0 THEN NULL ELSE 'bench-agent-' || (i % 40) END,
                    CASE WHEN i % 10 = 0 THEN NULL ELSE 'Agent ' || (i % 40) END,
                    (ARRAY['madrid_repair','bcn_repair','installers','customer_care'])[1 + i % 4],
                    jsonb_build_object(
                        'appliance', (ARRAY['washer','fridge','dishwasher','oven','ac'])[1 + i % 5],
                        'brand', (ARRAY['Bosch','Balay','LG','Samsung','Whirlpool','Siemens','Teka','Fagor'])[1 + i % 8],
                        'serialNumber', 'SN-' || lpad(i::text, 8, '0'),
                        'underWarranty', i % 3 = 0,
                        'purchaseDate', to_char(date '2020-01-01' + (i % 1800), 'YYYY-MM-DD'),
                        'visitAddress', jsonb_build_object('address', 'Calle ' || (i % 900) || ', ' || (i % 200 + 1),
                                                           'lat', 40.0 + (i % 1000) / 1000.0, 'lon', -3.7 + (i % 700) / 1000.0),
                        'preferredSlot', CASE WHEN i % 2 = 0 THEN 'morning' ELSE 'afternoon' END,
                        'diagnosis', 'Diagnosis note ' || (i % 97),
                        'partsCost', CASE WHEN i % 10 = 0 THEN NULL ELSE round(((i % 5000) / 10.0)::numeric, 2) END,
                        'visitAt', to_char(timestamp '2024-01-01' + hashint(i) % 1000000 * interval '1 minute',
                                           'YYYY-MM-DD"T"HH24:MI:SS') || (ARRAY['Z', '+01:00', '-05:00'])[1 + i % 3],
                        'model', CASE WHEN i % 20 = 0 THEN ? ELSE 'M-' || lpad((hashint(i) % ?)::text, 4, '0') END,
                        'serial', 'S' || i,
                        'warranty', i % 4 = 0,
                        'floors', i % 12,
                        'urgent', i % 9 = 0,
                        'parts', CASE WHEN i % 3 = 0 THEN '["a"]'::jsonb WHEN i % 3 = 1 THEN '["a","b"]'::jsonb ELSE '[]'::jsonb END),
                    now() - ((? - i) * interval '10 minutes'), 'bench', now() - ((? - i) * interval '5 minutes'), 1, ?
                FROM generate_series(1, ?) AS i
                """;
            try (var st = c.createStatement()) {
                // A deterministic, well-mixed int → int so models are not correlated with numbers or statuses.
                st.execute("CREATE OR REPLACE FUNCTION pg_temp.hashint(i int) RETURNS int LANGUAGE sql IMMUTABLE AS "
                        + "$$ SELECT abs(hashtext(i::text)) $$");
            }
            try (var ps = c.prepareStatement(sql.replace("hashint(", "pg_temp.hashint("))) {
                int p = 1;
                ps.setString(p++, tenantId);
                ps.setLong(p++, start);
                ps.setString(p++, POPULAR);
                ps.setInt(p++, MODELS);
                ps.setInt(p++, count);
                ps.setInt(p++, count);
                if (version == null) ps.setNull(p++, java.sql.Types.INTEGER); else ps.setInt(p++, version);
                ps.setInt(p, count);
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("UPDATE work_order_counter SET last_number = ? WHERE tenant_id = ?::uuid")) {
                ps.setLong(1, start + count);
                ps.setString(2, tenantId);
                if (ps.executeUpdate() == 0) {
                    try (var ins = c.prepareStatement("INSERT INTO work_order_counter VALUES (?::uuid, ?)")) {
                        ins.setString(1, tenantId);
                        ins.setLong(2, start + count);
                        ins.executeUpdate();
                    }
                }
            }
            c.commit();
            System.out.printf("seeded %d orders for %s (numbers %d..%d) in %.1f s%n", count, TENANT, start + 1,
                    start + count, (System.nanoTime() - t0) / 1e9);
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute("VACUUM ANALYZE work_order");
            }
            System.out.println("VACUUM ANALYZE work_order done");
        }
    }

    // ---------------------------------------------------------------- list

    static void list(int iterations, int warmup) throws Exception {
        var token = token();
        String[][] cases = {
                {"list  cf.model=" + RARE + " (rare, ~0.05 %)", "/workorders?cf.model=" + RARE + "&limit=50"},
                {"count cf.model=" + RARE, "/workorders/counts?cf.model=" + RARE},
                {"list  cf.model=" + POPULAR + " (popular, 5 %)", "/workorders?cf.model=" + POPULAR + "&limit=50"},
                {"count cf.model=" + POPULAR, "/workorders/counts?cf.model=" + POPULAR},
                {"list  cf.serial=S31337 (unique)", "/workorders?cf.serial=S31337&limit=50"},
                {"list  no filter (baseline)", "/workorders?limit=50"},
        };
        for (var c : cases) {
            var body = get(token, c[1]);
            System.out.println("# " + c[0] + " -> " + (body.length() > 160 ? body.substring(0, 160) + "…" : body));
        }
        System.out.printf("%-42s %3s %6s %8s %8s %8s %8s %9s%n", "case", "cl", "n", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "req/s");
        for (var c : cases) {
            for (int clients : new int[] {1, 4}) {
                run(token, c[1], warmup, 1);
                var r = run(token, c[1], iterations, clients);
                System.out.printf("%-42s %3d %6d %8.1f %8.1f %8.1f %8.1f %9.1f%n", c[0], clients, r.samples.length,
                        pct(r.samples, 50), pct(r.samples, 95), pct(r.samples, 99), pct(r.samples, 100), r.throughput);
            }
        }
    }

    record Run(double[] samples, double throughput) {}

    /** {@code total} requests shared by {@code clients} threads; latencies in ms. */
    static Run run(String token, String path, int total, int clients) throws Exception {
        var samples = new double[total];
        var next = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            var tasks = new ArrayList<Callable<Void>>();
            for (int t = 0; t < clients; t++) {
                tasks.add(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        long s = System.nanoTime();
                        get(token, path);
                        samples[i] = (System.nanoTime() - s) / 1e6;
                    }
                    return null;
                });
            }
            long t0 = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(tasks)) f.get();
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Run(samples, total / seconds);
        }
    }

    static double pct(double[] samples, int p) {
        var sorted = samples.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ---------------------------------------------------------------- explain

    /**
     * The SQL EclipseLink sends for the list (default sort: created_at DESC, number DESC; limit+1 rows) and for the
     * counts, with the filter as WorkOrderRepository writes it, run as the application role with the tenant set.
     */
    static void explain() throws Exception {
        try (var c = DriverManager.getConnection(DB, "orden_app", setting("APP_PASSWORD", "orden_app"))) {
            c.setAutoCommit(false);
            String tenantId;
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT id FROM tenant WHERE slug = '" + TENANT + "'")) {
                rs.next();
                tenantId = rs.getString(1);
            }
            setTenant(c, tenantId);
            var filter = "(custom_fields @> CAST(? AS jsonb) OR custom_fields @> CAST(? AS jsonb))";
            String[] queries = {
                    "SELECT * FROM work_order WHERE (" + filter + " AND (tenant_id = ?::uuid)) "
                            + "ORDER BY created_at DESC, number DESC LIMIT 51",
                    "SELECT status, COUNT(id) FROM work_order WHERE (" + filter + " AND (tenant_id = ?::uuid)) GROUP BY status",
            };
            for (var model : new String[] {RARE, POPULAR}) {
                for (var q : queries) {
                    System.out.println("== " + q.replace("?", "…") + "   [model=" + model + "]");
                    try (var ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + q)) {
                        ps.setString(1, "{\"model\":\"" + model + "\"}");
                        ps.setString(2, "{\"model\":\"" + model + "\"}");
                        ps.setString(3, tenantId);
                        try (var rs = ps.executeQuery()) {
                            while (rs.next()) System.out.println(rs.getString(1));
                        }
                    }
                }
            }
            c.rollback();
        }
    }

    // ---------------------------------------------------------------- sort and ranges by custom fields

    /** The sort and range cases: money (10 % without a value), number with many ties, date, datetime, text. */
    static final String[][] SORT_CASES = {
            {"list  no filter (baseline)", "/workorders?limit=50"},
            {"list  sort=-cf.partsCost (money)", "/workorders?limit=50&sort=-cf.partsCost"},
            {"list  sort=cf.partsCost, page 11 (cursor)", null},
            {"list  sort=cf.floors (number, 12 values)", "/workorders?limit=50&sort=cf.floors"},
            {"list  sort=-cf.purchaseDate (date)", "/workorders?limit=50&sort=-cf.purchaseDate"},
            {"list  sort=-cf.visitAt (datetime)", "/workorders?limit=50&sort=-cf.visitAt"},
            {"list  sort=-cf.visitAt, page 11 (cursor)", null},
            {"list  sort=cf.model (text)", "/workorders?limit=50&sort=cf.model"},
            {"list  cf.partsCost.gte=499 (0.2 %)", "/workorders?limit=50&cf.partsCost.gte=499"},
            {"list  cf.partsCost.gte=250 (45 %)", "/workorders?limit=50&cf.partsCost.gte=250"},
            {"list  cf.purchaseDate.gte=2024-12-01 (0.3 %)", "/workorders?limit=50&cf.purchaseDate.gte=2024-12-01"},
            {"list  cf.visitAt.lt=2024-01-02T00:00Z (0.1 %)", "/workorders?limit=50&cf.visitAt.lt=2024-01-02T00:00Z"},
            {"list  cf.partsCost.empty=true (10 %)", "/workorders?limit=50&cf.partsCost.empty=true"},
            {"list  sort=-cf.partsCost&cf.purchaseDate.gte=2024-12-01", "/workorders?limit=50&sort=-cf.partsCost&cf.purchaseDate.gte=2024-12-01"},
            {"count cf.partsCost.gte=499", "/workorders/counts?cf.partsCost.gte=499"},
            {"count cf.visitAt.lt=2024-01-02T00:00Z", "/workorders/counts?cf.visitAt.lt=2024-01-02T00:00Z"},
    };

    static void sort(int iterations, int warmup) throws Exception {
        var token = token();
        var cases = new ArrayList<String[]>();
        for (var c : SORT_CASES) {
            var sort = c[0].contains("visitAt") ? "-cf.visitAt" : "cf.partsCost";
            var path = c[1] != null ? c[1] : "/workorders?limit=50&sort=" + sort + "&cursor=" + cursorAfterPages(token, sort, 10);
            cases.add(new String[] {c[0], path});
            var body = get(token, path);
            System.out.println("# " + c[0] + " -> " + (body.length() > 160 ? body.substring(0, 160) + "…" : body));
        }
        System.out.printf("%-58s %3s %6s %8s %8s %8s %8s %9s%n", "case", "cl", "n", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "req/s");
        for (var c : cases) {
            for (int clients : new int[] {1, 4}) {
                token = token(); // access tokens live 5 minutes; the slow cases take longer than that together
                run(token, c[1], warmup, 1);
                var r = run(token, c[1], iterations, clients);
                System.out.printf("%-58s %3d %6d %8.1f %8.1f %8.1f %8.1f %9.1f%n", c[0], clients, r.samples.length,
                        pct(r.samples, 50), pct(r.samples, 95), pct(r.samples, 99), pct(r.samples, 100), r.throughput);
            }
        }
    }

    /** The nextCursor after {@code pages} pages of 50 in {@code sort}. */
    static String cursorAfterPages(String token, String sort, int pages) throws Exception {
        String cursor = null;
        for (int page = 0; page < pages; page++) {
            var body = get(token, "/workorders?limit=50&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
            cursor = Json.createReader(new StringReader(body)).readObject().getString("nextCursor");
        }
        return cursor;
    }

    /** acme's bundle with a datetime field visitAt on the general type, published (the seed fills it in). */
    static void publishVisitAt() throws Exception {
        var token = token();
        JsonObject base;
        try (var reader = Json.createReader(Files.newBufferedReader(Path.of(BUNDLE)))) {
            base = reader.readObject();
        }
        var fields = Json.createArrayBuilder(base.getJsonArray("fields")).add(Json.createObjectBuilder()
                .add("key", "visitAt").add("type", "datetime")
                .add("label", Json.createObjectBuilder().add("es", "Visita").add("en", "Visit")));
        var types = Json.createArrayBuilder();
        for (var t : base.getJsonArray("types")) {
            var type = t.asJsonObject();
            types.add(!type.getString("key").equals("general") ? type : Json.createObjectBuilder(type)
                    .add("fields", Json.createArrayBuilder(type.getJsonArray("fields")).add("visitAt")).build());
        }
        var bundle = Json.createObjectBuilder(base).add("fields", fields).add("types", types).build();
        System.out.println("PUT draft -> " + send(token, "PUT", "/admin/config/draft", bundle.toString(), 200));
        System.out.println("publish -> " + send(token, "POST", "/admin/config/draft/publish", null, 200));
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the statements EclipseLink sends for a money sort, a later page of it, a range
     * filter under the default sort and its count; the field key and bounds as parameters, as the application binds
     * them (the statements were copied from the server log).
     */
    static void explainSort() throws Exception {
        var key = "CASE WHEN jsonb_typeof((custom_fields -> CAST(? AS text))) = 'number' "
                + "THEN CAST((custom_fields -> CAST(? AS text)) AS numeric) END";
        var bound = "(SELECT CASE WHEN jsonb_typeof(CAST(? AS jsonb)) = 'number' THEN CAST(CAST(? AS jsonb) AS numeric) END)";
        record Q(String title, String sql, Object... parameters) {}
        // The tenant condition first here (EclipseLink appends it last): the plan is the same, the parameters simpler.
        var queries = List.of(
                new Q("sort=-cf.partsCost", "SELECT * FROM work_order WHERE tenant_id = ?::uuid ORDER BY " + key
                        + " DESC NULLS LAST, number DESC LIMIT 51", "partsCost", "partsCost"),
                new Q("sort=cf.partsCost, page 11: after the cursor (2.8, number 0)", "SELECT * FROM work_order"
                        + " WHERE tenant_id = ?::uuid AND (CASE WHEN " + bound + " IS NULL THEN " + key + " IS NULL"
                        + " AND (number > ?) ELSE COALESCE(" + key + " > " + bound + " OR (" + key + " = " + bound
                        + " AND (number > ?)), true) END) ORDER BY " + key + " ASC NULLS LAST, number ASC LIMIT 51",
                        "2.8", "2.8", "partsCost", "partsCost", 0L, "partsCost", "partsCost", "2.8", "2.8",
                        "partsCost", "partsCost", "2.8", "2.8", 0L, "partsCost", "partsCost"),
                new Q("cf.partsCost.gte=499 (default sort)", "SELECT * FROM work_order WHERE tenant_id = ?::uuid AND "
                        + key + " >= " + bound + " ORDER BY created_at DESC, number DESC LIMIT 51",
                        "partsCost", "partsCost", "499", "499"),
                new Q("counts cf.partsCost.gte=499", "SELECT status, COUNT(id) FROM work_order WHERE tenant_id = ?::uuid"
                        + " AND " + key + " >= " + bound + " GROUP BY status", "partsCost", "partsCost", "499", "499"));
        try (var c = DriverManager.getConnection(DB, "orden_app", setting("APP_PASSWORD", "orden_app"))) {
            c.setAutoCommit(false);
            var tenantId = tenantId(c);
            setTenant(c, tenantId);
            for (var q : queries) {
                System.out.println("== " + q.title());
                try (var ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + q.sql())) {
                    ps.setObject(1, tenantId);
                    int i = 2;
                    for (var p : q.parameters()) ps.setObject(i++, p);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) System.out.println(rs.getString(1));
                    }
                }
            }
            c.rollback();
        }
    }

    // ---------------------------------------------------------------- publish

    static void publish(int repetitions) throws Exception {
        var token = token();
        var bundle = bundleWithFields(token, 200);
        System.out.printf("bundle: %d fields, %d bytes%n", bundle.getJsonArray("fields").size(),
                bundle.toString().getBytes(StandardCharsets.UTF_8).length);
        var saved = send(token, "PUT", "/admin/config/draft", bundle.toString(), 200);
        System.out.println("PUT draft -> valid=" + Json.createReader(new StringReader(saved)).readObject().get("valid"));
        System.out.println("validate -> " + send(token, "POST", "/admin/config/draft/validate", null, 200));
        send(token, "POST", "/admin/config/draft/publish", null, 200);
        var put = new double[repetitions];
        var pub = new double[repetitions];
        var total = new double[repetitions];
        int warmup = 5;
        for (int i = -warmup; i < repetitions; i++) {
            // A different bundle each time (one label changes), as an editor's save would be.
            var changed = withFirstLabel(bundle, "Field 200 rev " + (i + warmup)).toString();
            long t0 = System.nanoTime();
            send(token, "PUT", "/admin/config/draft", changed, 200);
            long t1 = System.nanoTime();
            send(token, "POST", "/admin/config/draft/publish", null, 200);
            long t2 = System.nanoTime();
            if (i < 0) continue; // warm-up rounds, not recorded
            put[i] = (t1 - t0) / 1e6;
            pub[i] = (t2 - t1) / 1e6;
            total[i] = (t2 - t0) / 1e6;
        }
        System.out.printf("%-22s %4s %8s %8s %8s %8s%n", "step", "n", "p50 ms", "p95 ms", "min ms", "max ms");
        for (var row : List.of(new Object[] {"PUT draft", put}, new Object[] {"POST publish", pub},
                new Object[] {"PUT + publish", total})) {
            var s = (double[]) row[1];
            System.out.printf("%-22s %4d %8.1f %8.1f %8.1f %8.1f%n", row[0], s.length, pct(s, 50), pct(s, 95),
                    Arrays.stream(s).min().orElse(0), pct(s, 100));
        }
    }

    /**
     * The demo bundle plus generated fields up to {@code count}: text (with patterns and lengths), number, money,
     * boolean, date, select and multiselect, longtext, some with defaults or a visibility condition; all of them
     * on the general type and its agent form (so the type/form checks run over them too).
     */
    static JsonObject bundleWithFields(String token, int count) throws Exception {
        JsonObject base;
        try (var reader = BUNDLE.isEmpty()
                ? Json.createReader(new StringReader(get(token, "/admin/config/versions/1")))
                : Json.createReader(Files.newBufferedReader(Path.of(BUNDLE)))) {
            var read = reader.readObject();
            base = BUNDLE.isEmpty() ? read.getJsonObject("bundle") : read;
        }
        var fields = Json.createArrayBuilder(base.getJsonArray("fields"));
        var generated = new ArrayList<String>();
        for (int i = base.getJsonArray("fields").size(); i < count; i++) {
            var key = "bf" + i;
            generated.add(key);
            var f = Json.createObjectBuilder().add("key", key)
                    .add("label", Json.createObjectBuilder().add("es", "Campo " + i).add("en", "Field " + i));
            switch (i % 8) {
                case 0 -> f.add("type", "text").add("maxLength", 80);
                case 1 -> f.add("type", "text").add("pattern", "^[A-Z]{2}-[0-9]{3,8}$");
                case 2 -> f.add("type", "number").add("min", 0).add("max", 10000).add("decimals", 0);
                case 3 -> f.add("type", "money").add("currency", "EUR").add("min", 0).add("decimals", 2);
                case 4 -> f.add("type", "boolean").add("default", false);
                case 5 -> f.add("type", "date");
                case 6 -> f.add("type", "select").add("options", options(i, 6)).add("default", "o" + i + "_0");
                default -> f.add("type", "multiselect").add("options", options(i, 4))
                        .add("visibleWhen", Json.createObjectBuilder().add("field", "bf" + (i - 3)).add("equals", true));
            }
            fields.add(f);
        }
        var types = Json.createArrayBuilder();
        for (var t : base.getJsonArray("types")) {
            var type = t.asJsonObject();
            if (type.getString("key").equals("general")) {
                var keys = Json.createArrayBuilder(type.getJsonArray("fields"));
                generated.forEach(keys::add);
                types.add(Json.createObjectBuilder(type).add("fields", keys));
            } else {
                types.add(type);
            }
        }
        return Json.createObjectBuilder(base).add("fields", fields).add("types", types).build();
    }

    static JsonArray options(int i, int n) {
        var options = Json.createArrayBuilder();
        for (int o = 0; o < n; o++) {
            options.add(Json.createObjectBuilder().add("value", "o" + i + "_" + o)
                    .add("label", Json.createObjectBuilder().add("es", "Opción " + o).add("en", "Option " + o)));
        }
        return options.build();
    }

    static JsonObject withFirstLabel(JsonObject bundle, String label) {
        var fields = bundle.getJsonArray("fields");
        var last = fields.size() - 1;
        var changed = Json.createArrayBuilder(fields).set(last, Json.createObjectBuilder(fields.getJsonObject(last))
                .add("label", Json.createObjectBuilder().add("es", label).add("en", label)));
        return Json.createObjectBuilder(bundle).add("fields", changed).build();
    }

    // ---------------------------------------------------------------- plumbing

    static String token() throws Exception {
        var form = "grant_type=password&client_id=orden-portal&username=" + URLEncoder.encode(USER, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(KC + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    static String get(String token, String path) throws Exception {
        return send(token, "GET", path, null, 200);
    }

    static String send(String token, String method, String path, String body, int expected) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) builder.header("Content-Type", "application/json");
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String tenantId(Connection c) throws Exception {
        try (var ps = c.prepareStatement("SELECT id FROM tenant WHERE slug = ?")) {
            ps.setString(1, TENANT);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no tenant " + TENANT + " (start the server once to seed it)");
                return rs.getString(1);
            }
        }
    }

    /** Transaction-local, as the application does it: RLS is FORCEd for the owner too. */
    static void setTenant(Connection c, String tenantId) throws Exception {
        try (var ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenantId);
            ps.executeQuery().close();
        }
    }

    static String setting(String name, String fallback) {
        var value = System.getProperty(name, System.getenv("BENCH_" + name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
