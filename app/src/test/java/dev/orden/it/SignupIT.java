package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.listAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Companies signing themselves up. Keycloak is shared and keeps data, so every slug and e-mail is unique to the
 * run; each test sends from its own loopback address so that the per-address rate limit counts only its own
 * attempts.
 */
class SignupIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final List<String> createdOrganizations = new CopyOnWriteArrayList<>();
    private static final List<String> createdUsers = new CopyOnWriteArrayList<>();

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        createdUsers.forEach(id -> KcAdmin.deleteQuietly(() -> KcAdmin.deleteUser(id)));
        createdOrganizations.forEach(id -> KcAdmin.deleteQuietly(() -> KcAdmin.deleteOrganization(id)));
    }

    /** A client of its own: 127.0.x.y with x in 2..249, so it never shares an address with the defaults. */
    private static Api ownAddress() {
        return Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)));
    }

    private static JsonObject request(String company, String slug, String email, String name, String password) {
        return Json.createObjectBuilder().add("company", company).add("slug", slug).add("adminEmail", email)
                .add("adminName", name).add("password", password).build();
    }

    private static JsonObject request(String slug, String email) {
        return request("Compañía " + slug, slug, email, "Sara Signup", PASSWORD);
    }

    private static String newSlug() {
        return It.unique("co");
    }

    private static String emailFor(String slug) {
        return slug + "-admin@signup.test";
    }

    /** Remembers what a successful sign-up made in Keycloak, for cleanup. */
    private static void track(String slug, String email) {
        KcAdmin.findOrganizationId(slug).ifPresent(createdOrganizations::add);
        KcAdmin.findUserIdByEmail(email).ifPresent(createdUsers::add);
    }

    @Test
    void aNewCompanyGetsItsTenantAndItsAdminCanWorkInIt() {
        var api = ownAddress();
        var slug = newSlug();
        var email = emailFor(slug);
        var company = "Initech " + slug;
        var res = api.post("/signup", request(company, slug, email, "Bill Lumbergh", PASSWORD)).expect(201);
        track(slug, email);
        var result = res.json();
        var tenantId = UUID.fromString(result.getString("tenantId"));
        assertEquals(slug, result.getString("slug"));
        assertEquals(company, result.getString("name"));
        assertEquals(email, result.getString("adminEmail"));
        assertEquals("orden", result.getString("loginRealm"));

        var organizationId = KcAdmin.findOrganizationId(slug).orElseThrow(() -> new AssertionError("no organization"));
        assertEquals(1, Db.count("SELECT count(*) FROM tenant WHERE id = ? AND slug = ? AND keycloak_org_id = ?",
                tenantId, slug, organizationId));

        var admin = Api.as(email, PASSWORD);
        var me = admin.me();
        assertEquals(slug, me.getString("tenant"));
        assertEquals(company, me.getString("tenantName"));
        assertEquals(email, me.getString("email"));
        assertEquals("Bill Lumbergh", me.getString("name"));
        assertEquals(List.of("tenant-admin"), me.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());

        var members = admin.get("/members").expect(200).objects();
        assertEquals(List.of(email), members.stream().map(m -> m.getString("email")).toList());
        assertTrue(members.getFirst().getBoolean("assignable"));

        var config = admin.get("/admin/config").expect(200).json();
        assertEquals(1, config.getInt("version"), "every new tenant starts with the default configuration");
        assertEquals("general", config.getJsonObject("bundle").getJsonArray("types").getJsonObject(0).getString("key"));
        assertEquals(1, admin.get("/admin/config/versions").expect(200).array().size());

        var order = create(admin, It.unique("first order of " + slug));
        assertEquals("WO-1", order.getString("number"), "every tenant numbers its orders from 1");
        assertEquals(List.of(order.getString("id")),
                listAll(admin, "limit=200").stream().map(w -> w.getString("id")).toList(),
                "a new tenant sees its own order and nothing else");
        assertEquals(1, admin.get("/workorders/counts").expect(200).json().getInt("total"));

        var acme = Api.as(It.ACME_ADMIN);
        acme.get("/workorders/" + order.getString("id")).problem(404, "not-found");
        assertEquals(List.of(), listAll(acme, "q=" + WorkOrders.enc(order.getString("title"))));
        var acmeOne = acme.get("/workorders/WO-1");
        if (acmeOne.status() == 200) {
            assertFalse(acmeOne.json().getString("id").equals(order.getString("id")));
        } else {
            acmeOne.problem(404, "not-found");
        }
        assertEquals(Set.of("assignee"), admin.post("/workorders/" + order.getString("id") + "/assignment",
                Json.createObjectBuilder().add("assignee", acme.id()).build()).invalidFields(),
                "another tenant's admin is no assignee here");
    }

    @Test
    void aTakenSlugIs409AndCreatesNothing() {
        var api = ownAddress();
        for (var taken : List.of("acme", "globex")) {
            var email = emailFor(newSlug());
            api.post("/signup", request(taken, email)).problem(409, "conflict");
            assertTrue(KcAdmin.findUserIdByEmail(email).isEmpty(), "no Keycloak user for a refused sign-up");
        }
    }

    @Test
    void aTakenEmailIs409AndCreatesNothing() {
        var api = ownAddress();
        var slug = newSlug();
        api.post("/signup", request(slug, It.ACME_ADMIN)).problem(409, "conflict");
        assertTrue(KcAdmin.findOrganizationId(slug).isEmpty(), "no organization for a refused sign-up");
        assertEquals(0, Db.count("SELECT count(*) FROM tenant WHERE slug = ?", slug));
        assertEquals("acme", Api.as(It.ACME_ADMIN).me().getString("tenant"), "the existing account is untouched");
    }

    @Test
    void invalidFieldsAre422ListingEachOne() {
        var api = ownAddress();
        var all = api.post("/signup", request("", "Not_A_Slug", "not-an-email", " ", "short")).invalidFields();
        assertEquals(Set.of("company", "slug", "adminEmail", "adminName", "password"), all);

        assertEquals(Set.of("company", "slug", "adminEmail", "adminName", "password"),
                api.post("/signup", JsonValue.EMPTY_JSON_OBJECT).invalidFields());

        var slug = newSlug();
        var badSlugs = api.post("/signup", request("Acme bis", "a", emailFor(slug), "Ana", "x".repeat(129)))
                .invalidFields();
        assertEquals(Set.of("slug", "password"), badSlugs);

        assertEquals(Set.of("slug"), api.post("/signup", request("admin", emailFor(slug))).invalidFields(),
                "reserved slugs are refused");
        assertTrue(KcAdmin.findUserIdByEmail(emailFor(slug)).isEmpty());
    }

    /**
     * Keycloak refuses the admin user after the organization exists (its username is taken by a user whose e-mail
     * differs, so Orden's e-mail check passes). The sign-up must fail as a whole: no organization left behind, no
     * tenant row; the slug stays free for a later, valid sign-up.
     */
    @Test
    void aSignupThatFailsHalfwayLeavesNothingBehind() {
        var api = ownAddress();
        var slug = newSlug();
        var email = emailFor(slug);
        var blocker = KcAdmin.createUser(email, "blocker-" + email, "pw-" + UUID.randomUUID());
        createdUsers.add(blocker);

        var failed = api.post("/signup", request(slug, email));
        assertTrue(failed.status() == 409 || failed.status() == 502, failed.describe());
        failed.problem(failed.status(), null);
        assertTrue(KcAdmin.findOrganizationId(slug).isEmpty(), "the organization was not rolled back");
        assertEquals(0, Db.count("SELECT count(*) FROM tenant WHERE slug = ?", slug));
        assertEquals(List.of(blocker), KcAdmin.findUserIdByUsername(email).stream().toList(),
                "the pre-existing user is untouched");

        var freshEmail = emailFor(newSlug());
        var retried = api.post("/signup", request(slug, freshEmail)).expect(201).json();
        track(slug, freshEmail);
        assertEquals(slug, retried.getString("slug"));
        assertEquals(slug, Api.as(freshEmail, PASSWORD).me().getString("tenant"));
    }

    @Test
    void theEleventhAttemptFromOneAddressWithinTheHourIs429() {
        HttpClient client = Http.fromLoopback(0, It.randomBetween(50, 250));
        var limited = Api.anonymous(client);
        for (int attempt = 1; attempt <= 10; attempt++) {
            var res = limited.post("/signup", JsonValue.EMPTY_JSON_OBJECT);
            assertEquals(422, res.status(), "attempt " + attempt + ": " + res.describe());
        }
        var eleventh = limited.post("/signup", JsonValue.EMPTY_JSON_OBJECT);
        eleventh.problem(429, "rate-limited");
        var retryAfter = Long.parseLong(eleventh.header("Retry-After")
                .orElseThrow(() -> new AssertionError("no Retry-After: " + eleventh.describe())));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);

        // Still limited, even for a valid request, which then creates nothing.
        var slug = newSlug();
        limited.post("/signup", request(slug, emailFor(slug))).problem(429, "rate-limited");
        assertTrue(KcAdmin.findOrganizationId(slug).isEmpty());
        assertTrue(KcAdmin.findUserIdByEmail(emailFor(slug)).isEmpty());

        // Another address is not affected.
        assertEquals(Set.of("company", "slug", "adminEmail", "adminName", "password"),
                ownAddress().post("/signup", JsonValue.EMPTY_JSON_OBJECT).invalidFields());
    }

}
