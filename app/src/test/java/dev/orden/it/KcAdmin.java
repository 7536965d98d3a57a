package dev.orden.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak's Admin REST API as the {@code orden-api} service account, for fixtures the demo data lacks: users
 * outside any organization, organizations that are no tenant. Keycloak is shared: tests create unique names
 * and delete what they made.
 */
final class KcAdmin {

    private static String token;
    private static Instant expires = Instant.EPOCH;

    private KcAdmin() {}

    private static synchronized String token() {
        if (token == null || Instant.now().isAfter(expires)) {
            var json = Tokens.post("/realms/" + It.REALM + "/protocol/openid-connect/token", Map.of(
                    "grant_type", "client_credentials", "client_id", "orden-api", "client_secret",
                    "orden-dev-secret"));
            token = json.getString("access_token");
            expires = Instant.now().plusSeconds(Math.max(5, json.getInt("expires_in", 60) - 30));
        }
        return token;
    }

    /** Creates an enabled user with a permanent password and both names (else the password grant fails). */
    static String createUser(String username, String email, String password) {
        var body = Json.createObjectBuilder()
                .add("username", username)
                .add("email", email)
                .add("firstName", "Ivo")
                .add("lastName", "Tester")
                .add("enabled", true)
                .add("emailVerified", true)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", password).add("temporary", false)))
                .build();
        return idFromLocation(send("POST", "/users", body), "user " + username);
    }

    /**
     * An enabled agent-to-be with a {@code locale} attribute (the language notifications reach them in). Keycloak
     * keeps that attribute only in an internationalized realm, as tenant-config/keycloak/orden-realm.json makes it;
     * a realm imported before that was set is internationalized here (idempotent).
     */
    static String createUser(String username, String email, String password, String locale) {
        expect(send("PUT", "", Json.createObjectBuilder().add("internationalizationEnabled", true)
                .add("supportedLocales", Json.createArrayBuilder().add("es").add("en")).add("defaultLocale", "en")
                .build()), 204, "internationalize the realm");
        var body = Json.createObjectBuilder()
                .add("username", username)
                .add("email", email)
                .add("firstName", "Ivo")
                .add("lastName", "Tester")
                .add("enabled", true)
                .add("emailVerified", true)
                .add("attributes", Json.createObjectBuilder().add("locale", Json.createArrayBuilder().add(locale)))
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", password).add("temporary", false)))
                .build();
        return idFromLocation(send("POST", "/users", body), "user " + username);
    }

    /**
     * Lets the portal at {@code baseUrl} (this build's test server) sign in through client {@code orden-portal}:
     * its {@code /portal/*} as a redirect and post-logout URI, its origin as a web origin. The realm file lists only
     * port 9080, and Keycloak is shared, so this adds to the client idempotently. Changing a client is beyond the
     * {@code orden-api} service account; it is done as the local Keycloak's bootstrap admin, as {@code ./orden} does.
     */
    static void allowPortalAt(String baseUrl) {
        var admin = Tokens.post("/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", It.KC_ADMIN_USER, "password", It.KC_ADMIN_PASSWORD))
                .getString("access_token");
        var redirect = baseUrl + "/portal/*";
        // Read, add, write, read again: another clone's test server may be adding its own at the same moment.
        for (int attempt = 0; attempt < 5; attempt++) {
            var client = read(admin, "/clients?clientId=orden-portal").asJsonArray().getJsonObject(0);
            var redirects = strings(client.getJsonArray("redirectUris"));
            var origins = strings(client.getJsonArray("webOrigins"));
            var attributes = client.getJsonObject("attributes");
            var logout = attributes.getString("post.logout.redirect.uris", "");
            var logoutUris = logout.isEmpty() ? List.<String>of() : List.of(logout.split("##"));
            if (redirects.contains(redirect) && origins.contains(baseUrl) && logoutUris.contains(redirect)) return;
            var updated = Json.createObjectBuilder(client)
                    .add("redirectUris", with(redirects, redirect))
                    .add("webOrigins", with(origins, baseUrl))
                    .add("attributes", Json.createObjectBuilder(attributes).add("post.logout.redirect.uris",
                            String.join("##", strings(with(logoutUris, redirect)))))
                    .build();
            expect(send(admin, "PUT", "/clients/" + client.getString("id"), updated), 204,
                    "allow the portal at " + baseUrl);
        }
        throw new IllegalStateException("Client orden-portal still does not allow " + redirect);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonArray with(List<String> values, String value) {
        var array = Json.createArrayBuilder(values);
        if (!values.contains(value)) array.add(value);
        return array.build();
    }

    static Optional<String> findUserIdByEmail(String email) {
        var found = read("/users?exact=true&email=" + enc(email)).asJsonArray();
        return found.getValuesAs(JsonObject.class).stream().map(u -> u.getString("id")).findFirst();
    }

    static Optional<String> findUserIdByUsername(String username) {
        var found = read("/users?exact=true&username=" + enc(username)).asJsonArray();
        return found.getValuesAs(JsonObject.class).stream().map(u -> u.getString("id")).findFirst();
    }

    static void deleteUser(String id) {
        send("DELETE", "/users/" + id, null);
    }

    static void grantRealmRole(String userId, String role) {
        var representation = read("/roles/" + enc(role));
        var response = send("POST", "/users/" + userId + "/role-mappings/realm",
                Json.createArrayBuilder().add(representation).build());
        expect(response, 204, "grant " + role);
    }

    static String createOrganization(String alias, String name) {
        var body = Json.createObjectBuilder().add("name", name).add("alias", alias).add("enabled", true).build();
        return idFromLocation(send("POST", "/organizations", body), "organization " + alias);
    }

    /** The organization whose alias is exactly {@code alias} (the search itself also matches prefixes). */
    static Optional<String> findOrganizationId(String alias) {
        JsonArray found = read("/organizations?q=" + enc("alias:" + alias)).asJsonArray();
        return found.getValuesAs(JsonObject.class).stream()
                .filter(o -> alias.equals(o.getString("alias", null)))
                .map(o -> o.getString("id"))
                .findFirst();
    }

    static void deleteOrganization(String id) {
        send("DELETE", "/organizations/" + id, null);
    }

    static void addMember(String organizationId, String userId) {
        var response = send("POST", "/organizations/" + organizationId + "/members", Json.createValue(userId));
        expect(response, 201, "add member");
    }

    /**
     * What Keycloak keeps of a tenant a test signed up (its organization, by slug, and its people, by e-mail), removed
     * quietly: for an {@code @AfterAll}.
     */
    static void forgetTenant(String slug, java.util.Collection<String> emails) {
        emails.forEach(email -> findUserIdByEmail(email).ifPresent(id -> deleteQuietly(() -> deleteUser(id))));
        if (slug != null) findOrganizationId(slug).ifPresent(id -> deleteQuietly(() -> deleteOrganization(id)));
    }

    /** Deletes, ignoring failures: cleanup must not hide the real failure of a test. */
    static void deleteQuietly(Runnable delete) {
        try {
            delete.run();
        } catch (RuntimeException e) {
            System.err.println("Keycloak cleanup failed: " + e);
        }
    }

    private static JsonValue read(String path) {
        return read(token(), path);
    }

    private static JsonValue read(String bearer, String path) {
        var response = send(bearer, "GET", path, null);
        expect(response, 200, "GET " + path);
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readValue();
        }
    }

    private static String idFromLocation(HttpResponse<String> response, String what) {
        expect(response, 201, "create " + what);
        var location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void expect(HttpResponse<String> response, int status, String action) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak refused to " + action + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static HttpResponse<String> send(String method, String path, JsonValue body) {
        return send(token(), method, path, body);
    }

    private static HttpResponse<String> send(String bearer, String method, String path, JsonValue body) {
        var request = HttpRequest.newBuilder(URI.create(It.KC_URL + "/admin/realms/" + It.REALM + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            return Http.DEFAULT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
