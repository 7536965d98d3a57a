package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People administration by a tenant admin, against the real Keycloak: invitations into the tenant's organization,
 * role changes that the next token carries, deactivation, and the guard that keeps one active admin. Runs in a
 * tenant signed up for it, never the demo tenants.
 */
class MemberAdminIT {

    static People.Tenant tenant;

    @BeforeAll
    static void aTenantOfItsOwn() {
        tenant = People.signUp("ppl");
    }

    @AfterAll
    static void forget() {
        People.forgetAll();
    }

    private static JsonObject invite(String email, String... roles) {
        return tenant.admin().post("/members", People.invitation(email, "Iris Invitada", roles)).expect(201).json();
    }

    private static JsonObject latestAudit(String action) {
        var items = tenant.admin().get("/admin/audit?action=" + action + "&limit=1").expect(200).json()
                .getJsonArray("items");
        assertFalse(items.isEmpty(), "no " + action + " entry");
        return items.getJsonObject(0);
    }

    private static List<String> strings(JsonValue array) {
        return array.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void anInvitedUserIsInTheOrganizationWithTheRolesAndSignsInOnceTheyChoseAPassword() {
        var email = People.email("invitee");
        var invited = invite(email, "agent", "dispatcher");
        var id = invited.getString("id");
        assertEquals(email, invited.getString("email"));
        assertEquals(List.of("agent", "dispatcher"), strings(invited.get("roles")));
        assertTrue(invited.getBoolean("enabled"));
        assertTrue(invited.containsKey("invitationEmailSent"));

        assertTrue(People.inOrganization(tenant.slug(), id), "the user is a member of the tenant's organization");
        assertTrue(People.realmRoles(id).containsAll(Set.of("agent", "dispatcher")));
        assertEquals(List.of("UPDATE_PASSWORD"), strings(People.user(id).get("requiredActions")));
        assertNotEquals(200, People.passwordGrantStatus(email, "anything-at-all"), "no password until they choose one");

        People.choosePassword(id, "invited-and-in-1");
        var token = Tokens.passwordGrant(email, "invited-and-in-1");
        assertEquals(Set.of("agent", "dispatcher"), People.groups(token));
        var me = Api.bearer(token).get("/me").expect(200).json();
        assertEquals(tenant.slug(), me.getString("tenant"));
        assertEquals(id, me.getString("id"));

        var accounts = tenant.admin().get("/members/accounts").expect(200).objects();
        assertTrue(accounts.stream().anyMatch(a -> a.getString("id").equals(id)
                && strings(a.get("roles")).equals(List.of("agent", "dispatcher")) && a.getBoolean("enabled")));
        assertTrue(tenant.admin().get("/members").expect(200).objects().stream()
                .anyMatch(m -> m.getString("id").equals(id)), "an invited staff member can be picked at once");

        var entry = latestAudit("member.invited");
        assertEquals(id, entry.getString("targetId"));
        assertEquals(tenant.admin().id(), entry.getString("actorId"));
        assertEquals("Ana Admin", entry.getString("actorName"));
        assertEquals(JsonValue.NULL, entry.getJsonObject("diff").get("before"));
        assertEquals(List.of("agent", "dispatcher"),
                strings(entry.getJsonObject("diff").getJsonObject("after").get("roles")));
    }

    @Test
    void aRoleChangeIsInTheNextTokenAndAudited() {
        var email = People.email("promoted");
        var id = invite(email, "requester").getString("id");
        People.choosePassword(id, "promoted-pass-1");
        assertEquals(Set.of("requester"), People.groups(Tokens.passwordGrant(email, "promoted-pass-1")));

        var changed = tenant.admin().patch("/members/" + id, Json.createObjectBuilder()
                .add("roles", People.roles("agent", "tenant-admin")).build(), null).expect(200).json();
        assertEquals(List.of("agent", "tenant-admin"), strings(changed.get("roles")));
        assertEquals(Set.of("agent", "tenant-admin"), People.groups(Tokens.passwordGrant(email, "promoted-pass-1")));

        var entry = latestAudit("member.roles_changed");
        assertEquals(id, entry.getString("targetId"));
        assertEquals(List.of("requester"), strings(entry.getJsonObject("diff").getJsonObject("before").get("roles")));
        assertEquals(List.of("agent", "tenant-admin"),
                strings(entry.getJsonObject("diff").getJsonObject("after").get("roles")));

        tenant.admin().patch("/members/" + id, Json.createObjectBuilder().add("roles", People.roles("agent")).build(),
                null).expect(200);
        assertEquals(Set.of("agent"), People.groups(Tokens.passwordGrant(email, "promoted-pass-1")));
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        var own = People.signUp("last");
        var adminId = own.admin().id();
        own.admin().patch("/members/" + adminId, Json.createObjectBuilder().add("roles", People.roles("agent"))
                .build(), null).problem(409, "conflict");
        own.admin().patch("/members/" + adminId, Json.createObjectBuilder().add("enabled", false).build(), null)
                .problem(409, "conflict");
        assertEquals(Set.of("tenant-admin"), People.realmRoles(adminId));

        var second = People.email("second-admin");
        var secondId = own.admin().post("/members", People.invitation(second, "Segunda Admin", "tenant-admin"))
                .expect(201).json().getString("id");
        own.admin().patch("/members/" + adminId, Json.createObjectBuilder()
                .add("roles", People.roles("tenant-admin", "agent")).build(), null).expect(200);
        People.choosePassword(secondId, "second-admin-pass");
        var secondAdmin = Api.as(second, "second-admin-pass");
        secondAdmin.patch("/members/" + adminId, Json.createObjectBuilder().add("roles", People.roles("agent"))
                .build(), null).expect(200);
        secondAdmin.patch("/members/" + secondId, Json.createObjectBuilder().add("roles", People.roles("agent"))
                .build(), null).problem(409, "conflict");
    }

    @Test
    void aDeactivatedUserGetsNoTokenUntilReactivated() {
        var email = People.email("leaver");
        var id = invite(email, "agent").getString("id");
        People.choosePassword(id, "leaver-pass-1");
        assertEquals(200, People.passwordGrantStatus(email, "leaver-pass-1"));

        var off = tenant.admin().patch("/members/" + id, Json.createObjectBuilder().add("enabled", false).build(),
                null).expect(200).json();
        assertFalse(off.getBoolean("enabled"));
        assertNotEquals(200, People.passwordGrantStatus(email, "leaver-pass-1"));
        var entry = latestAudit("member.deactivated");
        assertEquals(id, entry.getString("targetId"));
        assertTrue(entry.getJsonObject("diff").getJsonObject("before").getBoolean("enabled"));
        assertFalse(entry.getJsonObject("diff").getJsonObject("after").getBoolean("enabled"));
        assertTrue(tenant.admin().get("/members/accounts").expect(200).objects().stream()
                .anyMatch(a -> a.getString("id").equals(id) && !a.getBoolean("enabled")));

        tenant.admin().patch("/members/" + id, Json.createObjectBuilder().add("enabled", true).build(), null)
                .expect(200);
        assertEquals(200, People.passwordGrantStatus(email, "leaver-pass-1"));
        assertEquals(id, latestAudit("member.reactivated").getString("targetId"));
    }

    @Test
    void anotherTenantsMemberIsNotFound() {
        var acmeAgent = Api.as(It.ACME_AGENT).id();
        var change = Json.createObjectBuilder().add("roles", People.roles("requester")).build();
        tenant.admin().patch("/members/" + acmeAgent, change, null).problem(404, "not-found");
        tenant.admin().get("/members/" + acmeAgent + "/account").problem(404, "not-found");
        tenant.admin().patch("/members/not-a-user", change, null).problem(404, "not-found");
        assertTrue(People.realmRoles(acmeAgent).contains("agent"), "acme's agent kept their role");
        assertTrue(tenant.admin().get("/members/accounts").expect(200).objects().stream()
                .noneMatch(a -> a.getString("id").equals(acmeAgent)));
    }

    @Test
    void onlyTenantAdminsAdministerPeople() {
        var change = Json.createObjectBuilder().add("enabled", false).build();
        var target = Api.as(It.ACME_REQUESTER).id();
        for (var who : List.of(It.ACME_AGENT, It.ACME_DISPATCHER, It.ACME_REQUESTER)) {
            var api = Api.as(who);
            api.post("/members", People.invitation(People.email("nope"), "No Body", "agent")).problem(403, "forbidden");
            api.patch("/members/" + target, change, null).problem(403, "forbidden");
            api.get("/members/accounts").problem(403, "forbidden");
        }
        assertEquals(200, People.passwordGrantStatus(It.ACME_REQUESTER, It.DEMO_PASSWORD));
    }

    @Test
    void badInputIs422PerFieldAndATakenEmail409() {
        var admin = tenant.admin();
        assertEquals(Set.of("email", "name", "roles"), admin.post("/members", Json.createObjectBuilder()
                .add("email", "not-an-email").add("roles", People.roles("wizard")).build()).invalidFields());
        assertEquals(Set.of("roles"), admin.post("/members", Json.createObjectBuilder().add("email", "a@b.test")
                .add("name", "A B").add("roles", Json.createArrayBuilder()).build()).invalidFields());
        admin.post("/members", People.invitation(It.ACME_AGENT, "Taken", "agent")).problem(409, "conflict");
        var someone = admin.id();
        assertEquals(Set.of("enabled"), admin.patch("/members/" + someone, Json.createObjectBuilder()
                .add("enabled", "no").build(), null).invalidFields());
        assertEquals(Set.of("roles"), admin.patch("/members/" + someone, JsonValue.EMPTY_JSON_OBJECT, null)
                .invalidFields());
    }

    @Test
    void accountsShowTheirTeams() {
        var accounts = Api.as(It.ACME_ADMIN).get("/members/accounts").expect(200).objects();
        var agent = accounts.stream().filter(a -> a.getString("email").equals(It.ACME_AGENT)).findFirst()
                .orElseThrow();
        assertTrue(strings(agent.get("teams")).contains("madrid_repair"), agent.toString());
        assertTrue(strings(agent.get("roles")).contains("agent"));
    }
}
