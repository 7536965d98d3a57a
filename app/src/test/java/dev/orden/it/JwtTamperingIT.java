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
 * Issue #8's token attacks, each with everything else right: a token the realm never signed (our own key under the
 * realm's key id; the realm's public key used as an HMAC secret), a real token of another realm (wrong issuer), a
 * real token of this realm for another audience, and a real token with its roles edited. Every one is a 401, and
 * the genuine token still works.
 */
class JwtTamperingIT {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

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

    private static void refused(String token) {
        for (var path : List.of("/me", "/workorders", "/admin/config")) {
            var res = Api.bearer(token).get(path);
            assertEquals(401, res.status(), res.describe());
            assertTrue(res.header("WWW-Authenticate").orElse("").startsWith("Bearer"), res.describe());
        }
        assertEquals(200, Api.bearer(genuine).get("/me").status());
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
}
