package dev.orden.it;

import static dev.orden.it.WorkOrders.comment;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attachments through the API against the real store: a several-MB file streamed up and down byte for byte (and a
 * range of it), the size limit, types the bytes contradict, the EICAR test file, the tenant's quota — each refusal
 * leaving nothing stored — who sees which file, another tenant's files as 404, and row-level security underneath.
 * Acme's limits are set in its settings.json for the class (6 MiB per file) and rolled back afterwards.
 */
class AttachmentsIT {

    static final long MAX_FILE = 6L * 1024 * 1024;
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    static Api admin;
    static Api agent;
    static Api requester;
    static int versionBefore;
    static JsonObject bundleBefore;
    static UUID acme;
    static UUID globex;

    @BeforeAll
    static void acmeWithSmallFiles() {
        admin = Api.as(It.ACME_ADMIN);
        agent = Api.as(It.ACME_AGENT);
        requester = Api.as(It.ACME_REQUESTER);
        var active = Configs.active(admin);
        versionBefore = active.getInt("version");
        bundleBefore = active.getJsonObject("bundle");
        publishLimits(Json.createObjectBuilder().add("maxFileSize", MAX_FILE).build());
        var tenants = Db.tenantIds();
        acme = tenants.get("acme");
        globex = tenants.get("globex");
    }

    @AfterAll
    static void rollBack() {
        if (admin != null && Configs.active(admin).getInt("version") != versionBefore) {
            Configs.rollback(admin, versionBefore);
        }
    }

    @Test
    void aFileOfSeveralMegabytesComesBackByteForByteAndInRanges() throws IOException {
        var order = newOrder(requester);
        long size = 5L * 1024 * 1024 + 123;
        var res = upload(agent, order, "fotó de la avería 1.png", "image/png", png(7, size), size, true);
        var attachment = res.expect(201).json();
        assertEquals("fotó de la avería 1.png", attachment.getString("name"));
        assertEquals("image/png", attachment.getString("contentType"));
        assertEquals(size, attachment.getJsonNumber("size").longValue());
        assertEquals(sha256(png(7, size)), attachment.getString("sha256"));
        assertTrue(res.header("Location").orElseThrow().endsWith(attachment.getString("href")));

        var download = get(requester, attachment.getString("href"), Map.of());
        assertEquals(200, download.statusCode());
        assertEquals("image/png", download.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("inline; filename=\"fot_ de la aver_a 1.png\"; "
                        + "filename*=UTF-8''fot%C3%B3%20de%20la%20aver%C3%ADa%201.png",
                download.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals(String.valueOf(size), download.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(sha256(png(7, size)), sha256(download.body()), "byte for byte");

        var range = get(requester, attachment.getString("href"), Map.of("Range", "bytes=300000-1300000"));
        assertEquals(206, range.statusCode());
        assertEquals("bytes 300000-1300000/" + size, range.headers().firstValue("Content-Range").orElseThrow());
        var expected = png(7, size);
        expected.skipNBytes(300_000);
        assertArrayEquals(expected.readNBytes(1_000_001), range.body().readAllBytes());

        var stored = Db.rowsAs(acme, "SELECT storage_key FROM attachment WHERE id = ?",
                UUID.fromString(attachment.getString("id")));
        assertEquals(21, Db.countAs(acme, "SELECT count(*) FROM attachment_chunk WHERE storage_key = ?",
                stored.getFirst().getFirst()), "256 KiB chunks");
        assertEquals(1, WorkOrders.get(requester, order).getInt("attachments"), "the order counts it");
        var added = entries(agent, order, "ATTACHMENT_ADDED");
        assertEquals(1, added.size());
        assertEquals("fotó de la avería 1.png", added.getFirst().getString("to"));
        assertTrue(added.getFirst().getString("comment").contains("(" + size + " bytes)"), added.toString());
    }

    @Test
    void aFileOverTheLimitIs413AndNothingIsStored() {
        var order = newOrder(requester);
        long chunksBefore = Db.countAs(acme, "SELECT count(*) FROM attachment_chunk");
        var declared = upload(agent, order, "big.png", "image/png", png(1, MAX_FILE + 1), MAX_FILE + 1, true);
        assertTrue(declared.problem(413, "payload-too-large").getString("detail").contains(String.valueOf(MAX_FILE)));
        var streamed = upload(agent, order, "big.png", "image/png", png(2, MAX_FILE + 1), MAX_FILE + 1, false);
        streamed.problem(413, "payload-too-large");
        assertEquals(List.of(), list(agent, order));
        assertEquals(chunksBefore, Db.countAs(acme, "SELECT count(*) FROM attachment_chunk"));
        assertEquals(0, WorkOrders.get(agent, order).getInt("attachments"));
    }

    @Test
    void typesAreWhatTheBytesSayAndExecutablesAndHtmlAreRefused() {
        var order = newOrder(requester);
        var pdfAsPng = upload(agent, order, "photo.png", "image/png", "%PDF-1.7\n...".getBytes());
        assertTrue(pdfAsPng.problem(415, "unsupported-media-type").getString("detail").contains("application/pdf"));
        upload(agent, order, "notes.txt", "text/plain", "<html><script>alert(1)</script>".getBytes())
                .problem(415, "unsupported-media-type");
        upload(agent, order, "cat.jpg", "image/jpeg", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0})
                .problem(415, "unsupported-media-type");
        upload(agent, order, "logo.svg", "image/svg+xml",
                "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes())
                .problem(415, "unsupported-media-type");
        upload(agent, order, "blob.bin", "application/octet-stream", new byte[] {0, 1, 2, 3, 4})
                .problem(415, "unsupported-media-type");
        assertEquals(List.of(), list(agent, order));
        var csv = upload(agent, order, "parts.csv", "text/plain", "serial;model\n1;X100\n".getBytes()).expect(201);
        assertEquals("text/csv", csv.json().getString("contentType"));
        var plainSvg = upload(agent, order, "logo.svg", null, "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes())
                .expect(201).json();
        var served = get(agent, plainSvg.getString("href"), Map.of());
        assertTrue(served.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"),
                "SVG is never shown inline");
        assertTrue(served.headers().firstValue("Content-Security-Policy").orElseThrow().contains("sandbox"));
    }

    @Test
    void theEicarTestFileIsRefusedWith422AndAnInternalHistoryEntry() {
        var order = newOrder(requester);
        var refused = upload(requester, order, "eicar.com.txt", "text/plain",
                (EICAR + "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(refused.problem(422, "content-refused").getString("detail").contains("Eicar-Test-Signature"));
        assertEquals(List.of(), list(agent, order));
        var noted = entries(agent, order, "ATTACHMENT_REJECTED");
        assertEquals(1, noted.size());
        assertEquals("eicar.com.txt", noted.getFirst().getString("to"));
        assertTrue(noted.getFirst().getString("comment").contains("Eicar-Test-Signature"));
        assertEquals(List.of(), entries(requester, order, "ATTACHMENT_REJECTED"), "an internal note");
        var mentioned = upload(requester, order, "about.txt", "text/plain",
                ("the test string is " + EICAR).getBytes(StandardCharsets.US_ASCII));
        mentioned.expect(201);
    }

    @Test
    void overTheQuotaIs413AndNothingIsStored() {
        var order = newOrder(requester);
        var limits = agent.get("/attachments/limits").expect(200).json();
        long used = limits.getJsonNumber("used").longValue();
        assertEquals(MAX_FILE, limits.getJsonNumber("maxFileSize").longValue());
        assertFalse(requester.get("/attachments/limits").expect(200).json().containsKey("used"));
        publishLimits(Json.createObjectBuilder().add("maxFileSize", MAX_FILE).add("quota", used + 1024 * 1024).build());
        try {
            long chunksBefore = Db.countAs(acme, "SELECT count(*) FROM attachment_chunk");
            var streamed = upload(agent, order, "two.png", "image/png", png(3, 2 * 1024 * 1024), 2 * 1024 * 1024,
                    false);
            assertTrue(streamed.problem(413, "quota-exceeded").getString("detail").contains("quota"));
            upload(agent, order, "two.png", "image/png", png(3, 2 * 1024 * 1024), 2 * 1024 * 1024, true)
                    .problem(413, "quota-exceeded");
            assertEquals(chunksBefore, Db.countAs(acme, "SELECT count(*) FROM attachment_chunk"));
            assertEquals(used, agent.get("/attachments/limits").expect(200).json().getJsonNumber("used").longValue());
            upload(agent, order, "small.png", "image/png", png(4, 1000), 1000, true).expect(201);
        } finally {
            publishLimits(Json.createObjectBuilder().add("maxFileSize", MAX_FILE).build());
        }
    }

    @Test
    void requestersSeeTheirOrdersPublicFilesOnly() {
        var order = newOrder(requester);
        var internalNote = comment(agent, order, "foto del contador", "INTERNAL").expect(201).json().getString("id");
        var publicNote = comment(agent, order, "presupuesto", "PUBLIC").expect(201).json().getString("id");
        var onInternal = uploadTo(agent, order, "?comment=" + internalNote, "meter.png").expect(201).json();
        assertEquals("INTERNAL", onInternal.getString("visibility"));
        var onPublic = uploadTo(agent, order, "?comment=" + publicNote, "quote.png").expect(201).json();
        assertEquals(publicNote, onPublic.getString("commentId"));
        var staffOnly = uploadTo(agent, order, "?visibility=internal", "staff.png").expect(201).json();

        assertEquals(List.of("quote.png"), names(list(requester, order)));
        assertEquals(List.of("meter.png", "quote.png", "staff.png"), names(list(agent, order)));
        assertEquals(List.of("meter.png"), names(agent.get("/workorders/" + order + "/attachments?comment="
                + internalNote).expect(200).objects()));
        assertEquals(1, WorkOrders.get(requester, order).getInt("attachments"));
        assertEquals(3, WorkOrders.get(agent, order).getInt("attachments"));
        for (var hidden : List.of(onInternal, staffOnly)) {
            notFound(get(requester, hidden.getString("href"), Map.of()));
            delete(requester, hidden).problem(404, "not-found");
        }
        uploadTo(requester, order, "?comment=" + internalNote, "mine.png").problem(404, "not-found");
        uploadTo(requester, order, "?visibility=internal", "mine.png").problem(403, "forbidden");
        assertEquals(200, get(requester, onPublic.getString("href"), Map.of()).statusCode());
        delete(requester, onPublic).problem(403, "forbidden");

        var own = uploadTo(requester, order, "", "mine.png").expect(201).json();
        delete(requester, own).expect(204);
        delete(agent, onPublic).expect(204);
        assertEquals(List.of("meter.png", "staff.png"), names(list(agent, order)));
        var removed = entries(requester, order, "ATTACHMENT_REMOVED");
        assertEquals(List.of("mine.png", "quote.png"), removed.stream().map(e -> e.getString("from")).toList());
        var otherOrder = newOrder(requester);
        notFound(get(agent, "/workorders/" + otherOrder + "/attachments/" + staffOnly.getString("id"), Map.of()));
    }

    @Test
    void anotherTenantsFilesAreNotFoundAndRowLevelSecurityHidesThem() throws Exception {
        var order = newOrder(requester);
        var file = uploadTo(agent, order, "", "acme.png").expect(201).json();
        var id = UUID.fromString(file.getString("id"));
        var globexOrder = create(Api.as(It.GLOBEX_REQUESTER), It.unique("globex")).getString("id");
        for (var caller : List.of(Api.as(It.GLOBEX_ADMIN), Api.as(It.GLOBEX_AGENT), Api.as(It.GLOBEX_REQUESTER))) {
            caller.get("/workorders/" + order + "/attachments").problem(404, "not-found");
            notFound(get(caller, file.getString("href"), Map.of()));
            notFound(get(caller, "/workorders/" + globexOrder + "/attachments/" + id, Map.of()));
            delete(caller, file).problem(404, "not-found");
            uploadTo(caller, order, "", "x.png").problem(404, "not-found");
        }
        assertEquals(1, list(agent, order).size());

        assertEquals(1, Db.countAs(acme, "SELECT count(*) FROM attachment WHERE id = ?", id));
        assertEquals(0, Db.countAs(globex, "SELECT count(*) FROM attachment WHERE id = ?", id));
        var key = Db.rowsAs(acme, "SELECT storage_key FROM attachment WHERE id = ?", id).getFirst().getFirst();
        assertEquals(1, Db.countAs(acme, "SELECT count(*) FROM attachment_chunk WHERE storage_key = ?", key));
        assertEquals(0, Db.countAs(globex, "SELECT count(*) FROM attachment_chunk WHERE storage_key = ?", key));
        assertEquals(0, Db.count("SELECT count(*) FROM attachment_chunk"), "no tenant bound, no rows");
        assertEquals(0, Db.updateAs(globex, "DELETE FROM attachment_chunk WHERE storage_key = ?", key));
        assertThrows(IllegalStateException.class, () -> Db.updateAs(globex,
                "INSERT INTO attachment_chunk (tenant_id, storage_key, seq, data) VALUES (?, 'x', 0, '\\x00')", acme));
        assertEquals(200, get(agent, file.getString("href"), Map.of()).statusCode());
    }

    // --- helpers ---

    /**
     * Acme's bundle with these attachment limits, published. Saving a draft runs the tenant's rule tests, which a
     * loaded machine can time out: then once more.
     */
    private static void publishLimits(JsonObject attachments) {
        var settings = bundleBefore.get("settings") instanceof JsonObject s ? s : JsonObject.EMPTY_JSON_OBJECT;
        var bundle = Json.createObjectBuilder(bundleBefore).add("settings",
                Json.createObjectBuilder(settings).add("attachments", attachments)).build();
        for (int attempt = 1; ; attempt++) {
            var draft = admin.send("PUT", "/admin/config/draft", Api.JSON, bundle.toString(), Map.of()).expect(200)
                    .json();
            if (draft.getBoolean("valid")) break;
            assertTrue(attempt < 3 && draft.toString().contains("TIMEOUT"), draft.toString());
        }
        admin.post("/admin/config/draft/publish", JsonObject.EMPTY_JSON_OBJECT).expect(200);
    }

    private static String newOrder(Api requester) {
        return create(requester, order(It.unique("adjuntos")).add("type", "general")).getString("id");
    }

    private static List<JsonObject> list(Api api, String order) {
        return api.get("/workorders/" + order + "/attachments").expect(200).objects();
    }

    private static List<String> names(List<JsonObject> attachments) {
        return attachments.stream().map(a -> a.getString("name")).sorted().toList();
    }

    private static List<JsonObject> entries(Api api, String order, String kind) {
        return history(api, order).stream().filter(e -> kind.equals(e.getString("kind"))).toList();
    }

    /** A small PNG to the order, with this query string. */
    static Res uploadTo(Api api, String order, String query, String name) {
        return send(api, "/workorders/" + order + "/attachments" + query + (query.isEmpty() ? "?" : "&")
                + "filename=" + WorkOrders.enc(name), "image/png", Map.of(),
                HttpRequest.BodyPublishers.ofInputStream(() -> png(name.hashCode(), 5000)));
    }

    private static Res upload(Api api, String order, String name, String type, byte[] content) {
        return send(api, "/workorders/" + order + "/attachments?filename=" + WorkOrders.enc(name), type, Map.of(),
                HttpRequest.BodyPublishers.ofByteArray(content));
    }

    /** Streams {@code size} bytes; with their length declared, or chunked. The name goes in Content-Disposition. */
    private static Res upload(Api api, String order, String name, String type, InputStream content, long size,
                              boolean declareLength) {
        var body = HttpRequest.BodyPublishers.ofInputStream(() -> content);
        var publisher = declareLength ? HttpRequest.BodyPublishers.fromPublisher(body, size) : body;
        var disposition = "attachment; filename=\"x.png\"; filename*=UTF-8''"
                + WorkOrders.enc(name).replace("+", "%20");
        return send(api, "/workorders/" + order + "/attachments", type, Map.of("Content-Disposition", disposition),
                publisher);
    }

    private static Res send(Api api, String path, String type, Map<String, String> headers,
                            HttpRequest.BodyPublisher body) {
        var builder = HttpRequest.newBuilder(URI.create(It.API_URL + path)).timeout(Duration.ofSeconds(60))
                .POST(body).header("Authorization", "Bearer " + api.bearer())
                .header("Accept", "application/json, application/problem+json");
        if (type != null) builder.header("Content-Type", type);
        headers.forEach(builder::header);
        try {
            var response = Http.DEFAULT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Res("POST", path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The API's own 404 (an order or attachment not found), not a path that matched nothing. */
    private static void notFound(HttpResponse<InputStream> response) {
        try (var body = response.body()) {
            var text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(404, response.statusCode(), text);
            assertTrue(text.contains("problems/not-found") && !text.contains("No such resource"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Res delete(Api api, JsonObject attachment) {
        return api.send("DELETE", It.BASE_URL + attachment.getString("href"), null, null, Map.of());
    }

    /** A GET of {@code href} (an absolute path, or one under /api/v1) answered as a stream. */
    static HttpResponse<InputStream> get(Api api, String href, Map<String, String> headers) {
        var url = href.startsWith("/api/") ? It.BASE_URL + href : It.API_URL + href;
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET()
                .header("Authorization", "Bearer " + api.bearer());
        headers.forEach(builder::header);
        try {
            return Http.DEFAULT.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code size} bytes: a PNG signature, then pseudo-random bytes from {@code seed}; made as they are read. */
    static InputStream png(long seed, long size) {
        var random = new Random(seed);
        return new InputStream() {
            long position;

            @Override
            public int read() {
                if (position >= size) return -1;
                int b = position < PNG_MAGIC.length ? PNG_MAGIC[(int) position] & 0xFF : random.nextInt(256);
                position++;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) return -1;
                int n = (int) Math.min(length, size - position);
                for (int i = 0; i < n; i++) buffer[offset + i] = (byte) read();
                return n;
            }
        };
    }

    static String sha256(InputStream in) {
        try (in) {
            var digest = MessageDigest.getInstance("SHA-256");
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
