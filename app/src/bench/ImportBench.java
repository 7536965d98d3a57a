import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The 100k-row work-order import (docs/import-export.md): signs up a tenant with two custom fields (and, with
 * BENCH_SLA=true, SLA targets for every order), then POSTs N generated CSV rows to
 * {@code /admin/imports/workorders}, first as a dry run, then for real, the body generated as it is sent (the driver
 * never holds the file either). Meanwhile it samples the server's heap with {@code jstat -gc} every 250 ms: the
 * largest heap in use (young + old) and the largest old generation, which is what an import that kept its rows
 * would fill. Not part of the build.
 *
 * <p>Settings (environment variables): BENCH_API (http://127.0.0.1:9170/api/v1), BENCH_KC (http://127.0.0.1:8180),
 * BENCH_ROWS (100000), BENCH_SLA (false), BENCH_DRY_RUN (true: a dry run first), BENCH_PID (the server's process id, for jstat; none: no heap figures).
 */
public class ImportBench {

    static final String API = env("API", "http://127.0.0.1:9170/api/v1");
    static final String KC = env("KC", "http://127.0.0.1:8180");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(env("ROWS", "100000"));
        boolean sla = Boolean.parseBoolean(env("SLA", "false"));
        var pid = System.getenv("BENCH_PID");
        var slug = "ibench" + Long.toString(System.currentTimeMillis() % 10_000_000, 36);
        var admin = slug + "@bench.test";
        var password = "bench-" + slug + "-pw";
        send(null, "POST", "/signup", "application/json", HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                .add("company", "Bench " + slug).add("slug", slug).add("adminEmail", admin).add("adminName", "Bench")
                .add("password", password).build().toString()), 201);
        var token = token(admin, password);
        publish(token, sla);
        System.out.printf(Locale.ROOT, "tenant %s, %d rows, SLA targets: %s%n", slug, rows, sla);
        var runs = Boolean.parseBoolean(env("DRY_RUN", "true")) ? new boolean[] {true, false} : new boolean[] {false};
        for (var dryRun : runs) {
            if (pid != null) run("jcmd", pid, "GC.run");
            var heap = new HeapSampler(pid);
            heap.start();
            long start = System.nanoTime();
            var report = send(token, "POST", "/admin/imports/workorders?dryRun=" + dryRun, "text/csv",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedCsv(rows)), 200);
            var seconds = (System.nanoTime() - start) / 1e9;
            heap.stop = true;
            heap.join();
            var json = Json.createReader(new StringReader(report)).readObject();
            System.out.printf(Locale.ROOT, "%s: %d rows (%d valid, %d imported) in %.1f s = %.0f rows/s; "
                            + "server heap before %.0f MB, peak in use %.0f MB, peak old generation %.0f MB%n",
                    dryRun ? "dry run" : "import", json.getInt("rows"), json.getInt("valid"), json.getInt("imported"),
                    seconds, rows / seconds, heap.baseline / 1024.0, heap.peakUsed / 1024.0, heap.peakOld / 1024.0);
        }
    }

    /** N rows of CSV, made as they are read. */
    static final class GeneratedCsv extends InputStream {
        private final int rows;
        private int row;
        private byte[] chunk = "title,description,priority,area,qty,level,created_at\n".getBytes(StandardCharsets.UTF_8);
        private int at;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (at == chunk.length && !next()) return -1;
            return chunk[at++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (at == chunk.length && !next()) return -1;
            int n = Math.min(length, chunk.length - at);
            System.arraycopy(chunk, at, buffer, offset, n);
            at += n;
            return n;
        }

        private boolean next() {
            if (row >= rows) return false;
            var text = new StringBuilder(8192);
            for (int i = 0; i < 64 && row < rows; i++, row++) {
                text.append("\"Imported order ").append(row).append(", bench\",\"Generated row ").append(row)
                        .append(" of the import benchmark\",").append(new String[] {"LOW", "NORMAL", "HIGH"}[row % 3])
                        .append(",,").append(row % 1000).append(',').append(row % 2 == 0 ? "high" : "low")
                        .append(",2026-11-27T0").append(row % 10).append(":00:00Z\n");
            }
            chunk = text.toString().getBytes(StandardCharsets.UTF_8);
            at = 0;
            return true;
        }
    }

    /** Samples {@code jstat -gc}: heap in use (survivors, eden, old; KB) and the old generation alone. */
    static final class HeapSampler extends Thread {
        private final String pid;
        volatile boolean stop;
        long baseline;
        long peakUsed;
        long peakOld;

        HeapSampler(String pid) {
            this.pid = pid;
            setDaemon(true);
            if (pid != null) {
                var first = sample();
                baseline = first[0];
            }
        }

        @Override
        public void run() {
            while (pid != null && !stop) {
                var s = sample();
                peakUsed = Math.max(peakUsed, s[0]);
                peakOld = Math.max(peakOld, s[1]);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private long[] sample() {
            var lines = ImportBench.run("jstat", "-gc", pid).strip().split("\n");
            var names = lines[0].trim().split("\\s+");
            var values = lines[1].trim().split("\\s+");
            double used = 0;
            double old = 0;
            for (int i = 0; i < names.length; i++) {
                var v = Double.parseDouble(values[i]);
                if (names[i].equals("S0U") || names[i].equals("S1U") || names[i].equals("EU")) used += v;
                if (names[i].equals("OU")) {
                    used += v;
                    old = v;
                }
            }
            return new long[] {(long) used, (long) old};
        }
    }

    static String run(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(String.join(" ", command), e);
        }
    }

    static void publish(String token, boolean sla) throws Exception {
        var active = Json.createReader(new StringReader(send(token, "GET", "/admin/config", null, null, 200))).readObject();
        var bundle = active.getJsonObject("bundle");
        var types = Json.createArrayBuilder();
        for (var type : bundle.getJsonArray("types").getValuesAs(JsonObject.class)) {
            types.add(Json.createObjectBuilder(type).add("fields", Json.createArrayBuilder().add("qty").add("level")));
        }
        var names = Json.createObjectBuilder().add("es", "x").add("en", "x").build();
        var fields = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("key", "qty").add("type", "number").add("label", names))
                .add(Json.createObjectBuilder().add("key", "level").add("type", "select").add("label", names)
                        .add("options", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("value", "high").add("label", names))
                                .add(Json.createObjectBuilder().add("value", "low").add("label", names))));
        var next = Json.createObjectBuilder(bundle).add("fields", fields).add("types", types);
        if (sla) {
            next.add("sla", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "always").add("zone", "UTC")
                    .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "general")
                            .add("firstResponse", "P30D").add("resolution", "P60D")))));
        }
        send(token, "PUT", "/admin/config/draft", "application/json", HttpRequest.BodyPublishers.ofString(next.build().toString()), 200);
        send(token, "POST", "/admin/config/draft/publish", "application/json", HttpRequest.BodyPublishers.ofString("{}"), 200);
    }

    static String token(String user, String password) throws Exception {
        var form = "grant_type=password&client_id=orden-portal&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(KC + "/realms/orden/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    static String send(String token, String method, String path, String type, HttpRequest.BodyPublisher body,
                       int expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofMinutes(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (type != null) request.header("Content-Type", type);
        if (token != null) request.header("Authorization", "Bearer " + token);
        var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String env(String name, String fallback) {
        var value = System.getenv("BENCH_" + name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
