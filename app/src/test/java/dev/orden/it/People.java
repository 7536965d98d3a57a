package dev.orden.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fixtures of the people-administration and audit suites: a tenant of their own (signed up, so that demoting and
 * deactivating never touch the demo tenants), what Keycloak holds of an account, and a token's claims.
 */
final class People {

    static final String PASSWORD = "correct-horse-battery";
    static final Set<String> ORDEN_ROLES = Set.of("tenant-admin", "dispatcher", "agent", "requester");

    record Tenant(String slug, String adminEmail, Api admin) {}

    private static final List<String> SLUGS = new CopyOnWriteArrayList<>();
    private static final List<String> EMAILS = new CopyOnWriteArrayList<>();

    private People() {}

    /** A new tenant with its admin, signed up from a loopback address of its own (the sign-up rate limit). */
    static Tenant signUp(String prefix) {
        var slug = It.unique(prefix);
        var email = slug + "-admin@people.test";
        var api = Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)));
        api.post("/signup", Json.createObjectBuilder().add("company", "People " + slug).add("slug", slug)
                .add("adminEmail", email).add("adminName", "Ana Admin").add("password", PASSWORD).build()).expect(201);
        SLUGS.add(slug);
        EMAILS.add(email);
        return new Tenant(slug, email, Api.as(email, PASSWORD));
    }

    /** An e-mail unique to the run, removed from Keycloak by {@link #forgetAll}. */
    static String email(String prefix) {
        var email = It.unique(prefix) + "@people.test";
        EMAILS.add(email);
        return email;
    }

    static void forgetAll() {
        EMAILS.forEach(email -> KcAdmin.forgetTenant(null, List.of(email)));
        SLUGS.forEach(slug -> KcAdmin.forgetTenant(slug, List.of()));
    }

    /** What the invitation e-mail's link lets the user do: choose a password, the required action then done. */
    static void choosePassword(String userId, String password) {
        expect(send("PUT", "/users/" + userId + "/reset-password", Json.createObjectBuilder().add("type", "password")
                .add("value", password).add("temporary", false).build().toString()), 204, "reset the password");
        expect(send("PUT", "/users/" + userId, Json.createObjectBuilder(user(userId))
                .add("requiredActions", Json.createArrayBuilder()).build().toString()), 204, "clear required actions");
    }

    static JsonObject user(String userId) {
        var response = send("GET", "/users/" + userId, null);
        expect(response, 200, "read user");
        return parse(response.body()).asJsonObject();
    }

    static boolean inOrganization(String slug, String userId) {
        var org = KcAdmin.findOrganizationId(slug).orElseThrow();
        return send("GET", "/organizations/" + org + "/members/" + userId, null).statusCode() == 200;
    }

    /** The user's Orden realm roles (Keycloak's defaults left out). */
    static Set<String> realmRoles(String userId) {
        var response = send("GET", "/users/" + userId + "/role-mappings/realm", null);
        expect(response, 200, "read roles");
        var out = new TreeSet<String>();
        parse(response.body()).asJsonArray().getValuesAs(JsonObject.class).forEach(r -> out.add(r.getString("name")));
        out.retainAll(ORDEN_ROLES);
        return out;
    }

    /** The status of a password grant (200, or 400/401 when Keycloak refuses). */
    static int passwordGrantStatus(String username, String password) {
        var form = "grant_type=password&client_id=orden-portal&username=" + enc(username)
                + "&password=" + enc(password);
        var request = HttpRequest.newBuilder(URI.create(It.KC_URL + "/realms/" + It.REALM
                        + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return exchange(request).statusCode();
    }

    /** The payload of a JWT. */
    static JsonObject claims(String token) {
        var payload = token.split("\\.")[1];
        return parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).asJsonObject();
    }

    /** The token's Orden roles (its {@code groups}, Keycloak's default roles left out). */
    static Set<String> groups(String token) {
        var out = new TreeSet<String>();
        if (claims(token).get("groups") instanceof JsonArray groups) {
            groups.getValuesAs(JsonString.class).forEach(g -> out.add(g.getString()));
        }
        out.retainAll(ORDEN_ROLES);
        return out;
    }

    static JsonArray roles(String... names) {
        var array = Json.createArrayBuilder();
        for (var name : names) array.add(name);
        return array.build();
    }

    static JsonObject invitation(String email, String name, String... roles) {
        return Json.createObjectBuilder().add("email", email).add("name", name).add("roles", roles(roles)).build();
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        var token = Tokens.post("/realms/" + It.REALM + "/protocol/openid-connect/token", Map.of("grant_type",
                "client_credentials", "client_id", "orden-api", "client_secret", "orden-dev-secret"))
                .getString("access_token");
        var request = HttpRequest.newBuilder(URI.create(It.KC_URL + "/admin/realms/" + It.REALM + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return exchange(request);
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return Http.DEFAULT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String action) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak refused to " + action + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static jakarta.json.JsonValue parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
