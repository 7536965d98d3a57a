package dev.orden.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Keycloak tokens by password grant through the public portal client, cached per user for four minutes. */
final class Tokens {

    private static final Duration REUSE_FOR = Duration.ofMinutes(4);

    private record Cached(String token, Instant obtained) {}

    private static final ConcurrentHashMap<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    static String of(String username, String password) {
        var key = username + "\u0000" + password;
        var cached = CACHE.get(key);
        if (cached != null && cached.obtained().plus(REUSE_FOR).isAfter(Instant.now())) return cached.token();
        var token = passwordGrant(username, password);
        CACHE.put(key, new Cached(token, Instant.now()));
        return token;
    }

    /** A fresh token, never cached (for users whose organizations or roles a test just changed). */
    static String passwordGrant(String username, String password) {
        var json = post("/realms/" + It.REALM + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "orden-portal", "username", username, "password", password));
        return json.getString("access_token");
    }

    static JsonObject post(String path, Map<String, String> form) {
        var body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(It.KC_URL + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            var response = Http.DEFAULT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak token request for " + form.get("username")
                        + form.getOrDefault("client_id", "") + " failed: " + response.statusCode() + " "
                        + response.body());
            }
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
