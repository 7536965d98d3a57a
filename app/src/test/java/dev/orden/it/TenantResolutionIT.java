package dev.orden.it;

import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant comes only from a verified token naming exactly one organization that is an Orden tenant: no
 * token or a bad one is 401, a good token without such an organization is 403 no-tenant - never a guess.
 */
class TenantResolutionIT {

    private static final List<String> USERS = new CopyOnWriteArrayList<>();
    private static final List<String> ORGANIZATIONS = new CopyOnWriteArrayList<>();

    static String foreignOrganizationAlias;
    static String foreignOrganizationId;

    @BeforeAll
    static void anOrganizationThatIsNoTenant() {
        foreignOrganizationAlias = It.unique("not-a-tenant");
        foreignOrganizationId = KcAdmin.createOrganization(foreignOrganizationAlias, "Not a tenant "
                + foreignOrganizationAlias);
        ORGANIZATIONS.add(foreignOrganizationId);
    }

    @AfterAll
    static void cleanUp() {
        USERS.forEach(id -> KcAdmin.deleteQuietly(() -> KcAdmin.deleteUser(id)));
        ORGANIZATIONS.forEach(id -> KcAdmin.deleteQuietly(() -> KcAdmin.deleteOrganization(id)));
    }

    /** A Keycloak user made for one test, with the given realm roles and organizations; returns a fresh token. */
    private static String tokenOfNewUser(List<String> roles, List<String> organizationIds) {
        var username = It.unique("tenantless") + "@nowhere.test";
        var password = "pw-" + UUID.randomUUID();
        var id = KcAdmin.createUser(username, username, password);
        USERS.add(id);
        roles.forEach(role -> KcAdmin.grantRealmRole(id, role));
        organizationIds.forEach(org -> KcAdmin.addMember(org, id));
        return Tokens.passwordGrant(username, password);
    }

    private static JsonObject claims(String token) {
        var payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }

    private static void assertNoTenantEverywhere(Api api) {
        api.get("/me").problem(403, "no-tenant");
        api.get("/workorders").problem(403, "no-tenant");
        api.get("/workorders/counts").problem(403, "no-tenant");
        api.get("/workorders/WO-1").problem(403, "no-tenant");
        api.get("/members").problem(403, "no-tenant");
        api.post("/workorders", order("who am I working for?").build()).problem(403, "no-tenant");
    }

    @Test
    void withoutATokenEveryTenantEndpointIs401() {
        var nobody = Api.anonymous();
        for (var path : List.of("/me", "/members", "/workorders", "/workorders/counts", "/workorders/WO-1",
                "/workorders/WO-1/history", "/workorders/WO-1/comments")) {
            assertEquals(401, nobody.get(path).status(), path);
        }
        assertEquals(401, nobody.post("/workorders", order("anonymous").build()).status());
        assertEquals(401, nobody.post("/workorders/WO-1/transitions",
                Json.createObjectBuilder().add("to", "CANCELLED").build()).status());
    }

    @Test
    void garbageAndForgedTokensAre401() {
        assertEquals(401, Api.bearer("garbage").get("/me").status());
        assertEquals(401, Api.bearer("abc.def.ghi").get("/workorders").status());

        var enc = Base64.getUrlEncoder().withoutPadding();
        var now = Instant.now().getEpochSecond();
        var expiredClaims = Json.createObjectBuilder()
                .add("iss", It.KC_URL + "/realms/" + It.REALM).add("aud", "orden-api").add("sub", UUID.randomUUID()
                        .toString()).add("upn", "agent@acme.test").add("exp", now - 3600).add("iat", now - 7200)
                .add("groups", Json.createArrayBuilder().add("tenant-admin"))
                .add("organization", Json.createArrayBuilder().add("acme")).build().toString();
        var header = enc.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"made-up\"}"
                .getBytes(StandardCharsets.UTF_8));
        var expired = header + "." + enc.encodeToString(expiredClaims.getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(new byte[256]);
        assertEquals(401, Api.bearer(expired).get("/me").status());
        var unsigned = enc.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(expiredClaims.replace(String.valueOf(now - 3600), String.valueOf(now + 3600))
                .getBytes(StandardCharsets.UTF_8)) + ".";
        assertEquals(401, Api.bearer(unsigned).get("/me").status());

        // A real token whose organization claim was edited: the signature no longer matches.
        var real = Tokens.of(It.GLOBEX_ADMIN, It.DEMO_PASSWORD);
        var parts = real.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"globex\""), payload);
        var tampered = parts[0] + "." + enc.encodeToString(payload.replace("\"globex\"", "\"acme\"")
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(401, Api.bearer(tampered).get("/me").status());
        assertEquals(401, Api.bearer(tampered).get("/workorders").status());
        assertEquals("globex", Api.bearer(real).get("/me").expect(200).json().getString("tenant"));
    }

    @Test
    void aUserInNoOrganizationIs403NoTenant() {
        var token = tokenOfNewUser(List.of("agent"), List.of());
        assertFalse(claims(token).containsKey("organization"), claims(token).toString());
        assertNoTenantEverywhere(Api.bearer(token));
    }

    @Test
    void aUserWithoutRolesOrOrganizationIsRefused() {
        var api = Api.bearer(tokenOfNewUser(List.of(), List.of()));
        api.get("/me").problem(403, null);
        api.get("/workorders").problem(403, null);
    }

    @Test
    void aUserOfAnOrganizationThatIsNoTenantIs403NoTenant() {
        var token = tokenOfNewUser(List.of("tenant-admin"), List.of(foreignOrganizationId));
        assertEquals(List.of(foreignOrganizationAlias), claims(token).getJsonArray("organization")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertNoTenantEverywhere(Api.bearer(token));
    }

    @Test
    void aUserOfTwoOrganizationsIs403NoTenantEvenIfOneIsATenant() {
        var acme = KcAdmin.findOrganizationId("acme").orElseThrow();
        var token = tokenOfNewUser(List.of("dispatcher"), List.of(acme, foreignOrganizationId));
        assertNoTenantEverywhere(Api.bearer(token));
    }
}
