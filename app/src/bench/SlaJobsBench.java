import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * SLA job throughput (docs/performance.md, "Scheduler / SLA jobs"): signs up a tenant whose type has a one-hour
 * first-response target and an {@code sla.breached} rule that writes a comment, creates N orders through the API,
 * then makes all N breach jobs due at one instant and times how long the running servers' schedulers take to record
 * every breach (polled every 50 ms). Run it against one server, then two (app/src/bench/sla-jobs.sh). Not part of
 * the build.
 *
 * <p>Settings (environment variables): BENCH_API (http://127.0.0.1:9700/api/v1), BENCH_KC (http://127.0.0.1:8180),
 * BENCH_DB (jdbc:postgresql://127.0.0.1:5432/orden_test_transfer), BENCH_DB_USER / BENCH_DB_PASSWORD (the
 * application role, orden_app / orden_app), BENCH_ORDERS (400), BENCH_ROUNDS (3).
 */
public class SlaJobsBench {

    static final String API = env("API", "http://127.0.0.1:9700/api/v1");
    static final String KC = env("KC", "http://127.0.0.1:8180");
    static final String DB = env("DB", "jdbc:postgresql://127.0.0.1:5432/orden_test_transfer");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String RULE = "function rule(input) { return [{type: 'comment', body: 'breached', visibility: 'internal'}]; }";

    public static void main(String[] args) throws Exception {
        int orders = Integer.parseInt(env("ORDERS", "400"));
        int rounds = Integer.parseInt(env("ROUNDS", "3"));
        var slug = "bench" + Long.toString(System.currentTimeMillis() % 10_000_000, 36);
        var admin = slug + "@bench.test";
        var password = "bench-" + slug + "-pw";
        send(null, "POST", "/signup", Json.createObjectBuilder().add("company", "Bench " + slug).add("slug", slug)
                .add("adminEmail", admin).add("adminName", "Bench").add("password", password).build().toString(), 201);
        var token = token(admin, password);
        publish(token);
        try (var db = DriverManager.getConnection(DB, env("DB_USER", "orden_app"), env("DB_PASSWORD", "orden_app"))) {
            db.setAutoCommit(false);
            var tenant = query(db, null, "SELECT id::text FROM tenant WHERE slug = ?", slug);
            for (int round = 1; round <= rounds; round++) {
                create(token, orders);
                long start = System.nanoTime();
                var made = update(db, tenant, "UPDATE scheduled_job SET due_at = now() WHERE kind = 'sla'"
                        + " AND key LIKE '%/firstResponse/breach'");
                long recorded;
                var deadline = start + Duration.ofMinutes(10).toNanos();
                do {
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                    recorded = Long.parseLong(query(db, tenant, "SELECT count(*) FROM work_order_sla"
                            + " WHERE first_response_breached_at IS NOT NULL AND first_response_met_at IS NULL", null));
                } while (recorded < (long) orders * round && System.nanoTime() < deadline);
                var seconds = (System.nanoTime() - start) / 1e9;
                var byServer = query(db, tenant, "SELECT string_agg(n || ': ' || c, ', ') FROM (SELECT"
                        + " first_response_breached_on n, count(*) c FROM work_order_sla GROUP BY 1 ORDER BY 1) s", null);
                System.out.printf(Locale.ROOT, "round %d: %d jobs due, %d breaches in %.2f s = %.1f jobs/s (all rounds by server: %s)%n",
                        round, made, recorded - (long) orders * (round - 1), seconds, made / seconds, byServer);
            }
        }
    }

    static void create(String token, int orders) throws Exception {
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < orders; i++) {
                var body = Json.createObjectBuilder().add("title", "bench " + i).build().toString();
                pool.submit(() -> send(token, "POST", "/workorders", body, 201));
            }
        }
    }

    static void publish(String token) throws Exception {
        var active = Json.createReader(new StringReader(send(token, "GET", "/admin/config", null, 200))).readObject();
        var sla = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "always").add("zone", "UTC")
                .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "general")
                        .add("firstResponse", "PT1H"))));
        var rules = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "note").add("name", "Note")
                .add("events", Json.createArrayBuilder().add("sla.breached")).add("source", RULE));
        JsonObject bundle = Json.createObjectBuilder(active.getJsonObject("bundle")).add("sla", sla).add("rules", rules).build();
        send(token, "PUT", "/admin/config/draft", bundle.toString(), 200);
        send(token, "POST", "/admin/config/draft/publish", "{}", 200);
    }

    static String query(java.sql.Connection db, String tenant, String sql, String parameter) throws Exception {
        bind(db, tenant);
        try (var statement = db.prepareStatement(sql)) {
            if (parameter != null) statement.setString(1, parameter);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } finally {
            db.commit();
        }
    }

    static int update(java.sql.Connection db, String tenant, String sql) throws Exception {
        bind(db, tenant);
        try (var statement = db.prepareStatement(sql)) {
            return statement.executeUpdate();
        } finally {
            db.commit();
        }
    }

    static void bind(java.sql.Connection db, String tenant) throws Exception {
        if (tenant == null) return;
        try (var statement = db.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }

    static String token(String user, String password) throws Exception {
        var form = "grant_type=password&client_id=orden-portal&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(KC + "/realms/orden/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("token: " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    static String send(String token, String method, String path, String body, int expected) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) builder.header("Authorization", "Bearer " + token);
        if (body != null) builder.header("Content-Type", "application/json");
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String env(String name, String fallback) {
        var value = System.getenv("BENCH_" + name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
