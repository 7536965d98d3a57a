package dev.orden.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Orden's API as one caller: a demo user (token cached), any Keycloak user, a raw bearer token or nobody.
 * Paths are relative to {@code /api/v1} unless they start with {@code http}.
 */
final class Api {

    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    private static final Map<String, JsonObject> ME = new ConcurrentHashMap<>();

    static {
        It.awaitReady();
    }

    private final HttpClient http;
    private final Supplier<String> token;
    private final String who;

    private Api(HttpClient http, Supplier<String> token, String who) {
        this.http = http;
        this.token = token;
        this.who = who;
    }

    /** A demo user (password {@code demo}). */
    static Api as(String username) {
        return as(username, It.DEMO_PASSWORD);
    }

    static Api as(String username, String password) {
        return new Api(Http.DEFAULT, () -> Tokens.of(username, password), username);
    }

    static Api bearer(String rawToken) {
        return new Api(Http.DEFAULT, () -> rawToken, "bearer " + Integer.toHexString(rawToken.hashCode()));
    }

    static Api anonymous() {
        return anonymous(Http.DEFAULT);
    }

    static Api anonymous(HttpClient client) {
        return new Api(client, () -> null, "anonymous");
    }

    /** GET /me, once per user and run. */
    JsonObject me() {
        return ME.computeIfAbsent(who, w -> get("/me").expect(200).json());
    }

    /** The caller's user id, as assignment and the requester filters take it. */
    String id() {
        return me().getString("id");
    }

    String name() {
        return me().getString("name");
    }

    Res get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    Res post(String path, JsonValue body) {
        return send("POST", path, JSON, body.toString(), Map.of());
    }

    Res patch(String path, JsonValue body, String ifMatch) {
        var headers = new LinkedHashMap<String, String>();
        if (ifMatch != null) headers.put("If-Match", ifMatch);
        return send("PATCH", path, MERGE_PATCH, body.toString(), headers);
    }

    /** PATCH with If-Match set to the version as an entity tag. */
    Res patch(String path, JsonValue body, int version) {
        return patch(path, body, "\"" + version + "\"");
    }

    /** The bearer token this caller sends, or null for nobody. */
    String bearer() {
        return token.get();
    }

    Res send(String method, String path, String contentType, String body, Map<String, String> headers) {
        var publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        var request = request(method, path, contentType, publisher, headers);
        var response = exchange(request, HttpResponse.BodyHandlers.ofString());
        return new Res(method, request.uri().toString(), response.statusCode(), response.headers(), response.body());
    }

    /** A request with a binary body (e.g. a zip), answered as usual. */
    Res sendBytes(String method, String path, String contentType, byte[] body) {
        var request = request(method, path, contentType, HttpRequest.BodyPublishers.ofByteArray(body), Map.of());
        var response = exchange(request, HttpResponse.BodyHandlers.ofString());
        return new Res(method, request.uri().toString(), response.statusCode(), response.headers(), response.body());
    }

    /** A GET whose answer is binary (e.g. a zip), with this Accept header. */
    HttpResponse<byte[]> getBytes(String path, String accept) {
        return exchange(request("GET", path, null, HttpRequest.BodyPublishers.noBody(), Map.of("Accept", accept)),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                                Map<String, String> headers) {
        var uri = URI.create(path.startsWith("http") ? path : It.API_URL + path);
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).method(method, body);
        builder.header("Accept", "application/json, application/problem+json");
        if (contentType != null) builder.header("Content-Type", contentType);
        var bearer = token.get();
        if (bearer != null) builder.header("Authorization", "Bearer " + bearer);
        headers.forEach(builder::setHeader);
        return builder.build();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return who;
    }
}
