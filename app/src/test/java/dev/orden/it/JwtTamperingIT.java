package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #8's token attacks, each with everything else right: no token, an unsigned one ({@code alg: none}), a token
 * the realm never signed (our own key under the realm's key id; the realm's public key used as an HMAC secret), a
 * real token of another realm (wrong issuer), a real token of this realm for another audience, a real token with its
 * roles edited, and a real token that has expired. Every one is a 401 problem+json with {@code WWW-Authenticate} and
 * the API's security headers, whichever layer refused it (mpJwt's own 401s go through the error page), and the
 * genuine token still works.
 */
class JwtTamperingIT {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final List<String> PATHS = List.of("/me", "/workorders", "/admin/config");

    static String genuine;
    static JsonObject claims;
    static JsonObject realmKey;

    @BeforeAll
    static void aGenuineTokenAndTheRealmsKey() {
        genuine = Tokens.of(It.ACME_DISPATCHER, It.DEMO_PASSWORD);
        claims = json(new String(Base64.getUrlDecoder().decode(genuine.split("\\.")[1]), StandardCharsets.UTF_8));
        var jwks = json(get(It.KC_URL + "/realms/" + It.REALM + "/protocol/openid-connect/certs"));
        realmKey = jwks.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> "RS256".equals(k.getString("alg", "")) && "sig".equals(k.getString("use", "")))
                .findFirst().orElseThrow();
        assertEquals("acme", Api.bearer(genuine).get("/me").expect(200).json().getString("tenant"));
    }

    @Test
    void noTokenIs401() {
        for (var path : PATHS) unauthenticated(Api.anonymous().get(path));
    }

    @Test
    void anUnsignedTokenIs401() {
        var header = Json.createObjectBuilder().add("alg", "none").add("typ", "JWT").build();
        refused(encode(header) + "." + encode(claims) + ".");
    }

    /**
     * Genuinely signed by the realm, right issuer and audience, only too old: a client of our own whose tokens live
     * one second, and a wait past the server's 30 s clock skew.
     */
    @Test
    void anExpiredTokenIs401() throws InterruptedException {
        var clientId = "jwt-expiry-" + System.nanoTime();
        var id = ShortLivedClient.create(clientId);
        try {
            var token = Tokens.post("/realms/" + It.REALM + "/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", clientId, "username", It.ACME_DISPATCHER,
                    "password", It.DEMO_PASSWORD)).getString("access_token");
            var accepted = Api.bearer(token).get("/me");
            assertEquals(200, accepted.status(), accepted.describe());
            var expires = json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    StandardCharsets.UTF_8)).getJsonNumber("exp").longValue();
            Thread.sleep(Math.max(0, (expires + 32) * 1000 - System.currentTimeMillis()));
            refused(token);
        } finally {
            ShortLivedClient.delete(id);
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheRealmsKeyIdIs401() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var ours = generator.generateKeyPair();
        var header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT")
                .add("kid", realmKey.getString("kid")).build();
        var signingInput = encode(header) + "." + encode(claims);
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(ours.getPrivate());
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        refused(signingInput + "." + B64.encodeToString(signer.sign()));
    }

    @Test
    void theRealmsPublicKeyUsedAsAnHmacSecretIs401() throws Exception {
        var header = Json.createObjectBuilder().add("alg", "HS256").add("typ", "JWT")
                .add("kid", realmKey.getString("kid")).build();
        var signingInput = encode(header) + "." + encode(claims);
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(realmKey.getString("n").getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        refused(signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aRealTokenOfAnotherRealmIs401() {
        var master = Tokens.post("/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", It.KC_ADMIN_USER, "password", It.KC_ADMIN_PASSWORD))
                .getString("access_token");
        refused(master);
    }

    @Test
    void aRealTokenOfThisRealmForAnotherAudienceIs401() {
        var token = Tokens.post("/realms/" + It.REALM + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", It.ACME_DISPATCHER,
                "password", It.DEMO_PASSWORD)).getString("access_token");
        var audience = json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .get("aud");
        assertFalse(audience != null && audience.toString().contains("orden-api"), "aud " + audience);
        refused(token);
    }

    @Test
    void editedRolesAreRefusedWhateverTheyClaim() {
        var parts = genuine.split("\\.");
        var promoted = Json.createObjectBuilder(claims).add("groups", Json.createArrayBuilder().add("tenant-admin")
                .add("dispatcher")).build();
        refused(parts[0] + "." + encode(promoted) + "." + parts[2]);
        var stripped = parts[0] + "." + encode(promoted) + ".";
        refused(stripped);
    }

    @Test
    void aGenuineTokenWithoutTheRoleIs403ProblemWithTheHeaders() {
        var res = Api.bearer(genuine).get("/admin/config");
        res.problem(403, "forbidden");
        assertEquals("default-src 'none'; frame-ancestors 'none'; sandbox",
                res.header("Content-Security-Policy").orElse(""), res.describe());
        assertEquals("nosniff", res.header("X-Content-Type-Options").orElse(""), res.describe());
    }

    private static void refused(String token) {
        for (var path : PATHS) unauthenticated(Api.bearer(token).get(path));
        assertEquals(200, Api.bearer(genuine).get("/me").status());
    }

    /** A 401 problem with the challenge and the API's security headers. */
    static void unauthenticated(Res res) {
        var problem = res.problem(401, "unauthenticated");
        assertEquals("Authentication required", problem.getString("title"), res.describe());
        assertTrue(res.header("WWW-Authenticate").orElse("").startsWith("Bearer"), res.describe());
        assertEquals("default-src 'none'; frame-ancestors 'none'; sandbox",
                res.header("Content-Security-Policy").orElse(""), res.describe());
        assertEquals("nosniff", res.header("X-Content-Type-Options").orElse(""), res.describe());
        assertEquals("no-referrer", res.header("Referrer-Policy").orElse(""), res.describe());
    }

    private static String encode(JsonObject object) {
        return B64.encodeToString(object.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String get(String url) {
        try {
            return Http.DEFAULT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public client with password grants, the API's audience and one-second tokens, made as Keycloak's admin. */
    private static final class ShortLivedClient {

        static String create(String clientId) {
            var client = Json.createObjectBuilder().add("clientId", clientId).add("publicClient", true)
                    .add("directAccessGrantsEnabled", true).add("standardFlowEnabled", false)
                    .add("attributes", Json.createObjectBuilder().add("access.token.lifespan", "1"))
                    .add("defaultClientScopes", Json.createArrayBuilder().add("basic").add("profile").add("email")
                            .add("roles").add("microprofile-jwt").add("organization"))
                    .add("protocolMappers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("name", "orden-api audience").add("protocol", "openid-connect")
                            .add("protocolMapper", "oidc-audience-mapper")
                            .add("config", Json.createObjectBuilder().add("included.client.audience", "orden-api")
                                    .add("access.token.claim", "true"))))
                    .build();
            var created = admin("POST", "", client.toString());
            assertEquals(201, created.statusCode(), created.body());
            var location = created.headers().firstValue("Location").orElseThrow();
            return location.substring(location.lastIndexOf('/') + 1);
        }

        static void delete(String id) {
            admin("DELETE", "/" + id, null);
        }

        private static HttpResponse<String> admin(String method, String path, String body) {
            var token = Tokens.post("/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                    "client_id", "admin-cli", "username", It.KC_ADMIN_USER, "password", It.KC_ADMIN_PASSWORD))
                    .getString("access_token");
            var request = HttpRequest.newBuilder(URI.create(It.KC_URL + "/admin/realms/" + It.REALM + "/clients"
                            + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                return Http.DEFAULT.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
