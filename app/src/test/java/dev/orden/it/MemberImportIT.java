package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CSV import of people: a dry run creates no one; a good file invites them in Keycloak with their roles, makes
 * them members and puts them in their teams; one bad row creates no one; another tenant's people are not touched.
 */
class MemberImportIT {

    static final List<String> emails = new ArrayList<>();
    static String slug;
    static Api admin;
    static String adminEmail;

    @BeforeAll
    static void aTenantWithATeam() {
        slug = It.unique("mimp");
        adminEmail = slug + "-admin@porting.test";
        emails.add(adminEmail);
        Porting.signup(slug, adminEmail);
        admin = Api.as(adminEmail, Porting.PASSWORD);
        Configs.publish(admin, Porting.withImportables(Configs.active(admin).getJsonObject("bundle"),
                List.of(adminEmail)));
    }

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        KcAdmin.forgetTenant(null, emails);
        if (slug != null) KcAdmin.forgetTenant(slug, List.of());
    }

    private static String email(String name) {
        var email = slug + "-" + name + "@porting.test";
        emails.add(email);
        return email;
    }

    private static List<JsonObject> members() {
        return admin.get("/members").expect(200).array().getValuesAs(JsonObject.class);
    }

    private static List<String> teamMembers() {
        return Configs.active(admin).getJsonObject("bundle").getJsonArray("teams").getValuesAs(JsonObject.class)
                .stream().filter(t -> t.getString("key").equals("field")).findFirst().orElseThrow()
                .getJsonArray("members").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void aDryRunReportsEveryRowAndCreatesNoOne() {
        var newcomer = email("dry");
        var report = Porting.csv(admin, "/admin/imports/members", """
                email,name,roles,teams
                %s,Dry Run,agent,field
                not-an-email,Nobody,agent,
                %s,Twice,agent,
                %s,Wizard,wizard,
                %s,Acme Admin,agent,
                %s,Reader,requester,field
                """.formatted(newcomer, newcomer, email("wizard"), It.ACME_ADMIN, email("reader"))).expect(200).json();
        assertTrue(report.getBoolean("dryRun"));
        assertEquals(6, report.getInt("rows"));
        assertEquals(1, report.getInt("valid"), report.toString());
        var errors = report.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getInt("row") + ":" + e.getString("column")).toList();
        assertEquals(List.of("2:email", "3:email", "4:roles", "5:email", "6:teams"), errors, report.toString());
        assertTrue(KcAdmin.findUserIdByEmail(newcomer).isEmpty(), "a dry run creates no one");
    }

    @Test
    void aGoodFileInvitesThePeopleWithTheirRolesAndTeams() {
        var agent = email("ana");
        var requester = email("rita");
        var versionBefore = Configs.active(admin).getInt("version");
        var report = Porting.csv(admin, "/admin/imports/members?dryRun=false", """
                email,name,roles,teams
                %s,Ana Agent,agent;dispatcher,field
                %s,Rita Requester,requester,
                %s,,tenant-admin,field
                """.formatted(agent, requester, adminEmail)).expect(200).json();
        assertEquals(2, report.getInt("imported"), report.toString());
        assertTrue(KcAdmin.findUserIdByEmail(agent).isPresent());
        assertTrue(KcAdmin.findUserIdByEmail(requester).isPresent());
        var ana = members().stream().filter(m -> m.getString("email").equals(agent)).findFirst().orElseThrow();
        assertEquals("Ana Agent", ana.getString("name"));
        assertEquals(List.of("agent", "dispatcher"), ana.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertTrue(ana.getBoolean("assignable"));
        assertEquals(List.of(adminEmail, agent), teamMembers(), "the admin was in the team already");
        assertEquals(versionBefore + 1, Configs.active(admin).getInt("version"));
    }

    @Test
    void oneBadRowCreatesNoOne() {
        var good = email("good");
        var problem = Porting.csv(admin, "/admin/imports/members?dryRun=false", """
                email,name,roles,teams
                %s,Good One,agent,field
                %s,Bad Team,agent,nowhere
                """.formatted(good, email("bad"))).problem(422, "validation");
        assertEquals(0, problem.getInt("imported"));
        assertEquals(2, problem.getJsonArray("errors").getJsonObject(0).getInt("row"));
        assertTrue(KcAdmin.findUserIdByEmail(good).isEmpty());
        assertTrue(members().stream().noneMatch(m -> m.getString("email").equals(good)));
    }

    @Test
    void onlyTenantAdminsImportPeople() {
        var agent = Porting.person(slug, email("plain-agent"), "agent");
        Porting.csv(agent, "/admin/imports/members", "email,roles\nx@y.test,agent\n").problem(403, null);
    }
}
