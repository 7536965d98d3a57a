package dev.orden.it;

import static dev.orden.it.AdminPortalIT.PASSWORD;
import static dev.orden.it.AdminPortalIT.click;
import static dev.orden.it.AdminPortalIT.editor;
import static dev.orden.it.AdminPortalIT.errorOf;
import static dev.orden.it.AdminPortalIT.fitsTheScreen;
import static dev.orden.it.AdminPortalIT.home;
import static dev.orden.it.AdminPortalIT.save;
import static dev.orden.it.AdminPortalIT.signIn;
import static dev.orden.it.AdminPortalIT.type;
import static dev.orden.it.Browsers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The tenant admin's editors of automatic assignment, reminders and general settings in headless Chromium, on a
 * tenant of its own with a heating team: an assignment rule (keyword "boiler" to the team's agent), the unassigned
 * reminder's minutes and the tenant's time zone, language and file size limit are changed — each first refused at
 * its control, by the client's check or the server's — published from the home, and then seen at work through the
 * API: the next boiler order is the agent's by that rule, an unassigned order's reminder is due at the new time,
 * and the attachment limits are the new ones. In Spanish on a phone the three editors fit the screen.
 */
class TenantEditorsPortalIT {

    private static final int MIB = 1024 * 1024;

    private static String slug;
    private static String adminEmail;
    private static String agentEmail;
    private static UUID tenant;
    private static final List<String> EMAILS = new ArrayList<>();

    @BeforeAll
    static void aTenantWithAHeatingTeam() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
        slug = It.unique("edt");
        adminEmail = slug + "-boss@edt.test";
        agentEmail = slug + "-agent@edt.test";
        EMAILS.addAll(List.of(adminEmail, agentEmail));
        Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .post("/signup", Json.createObjectBuilder().add("company", "Editors " + slug).add("slug", slug)
                        .add("adminEmail", adminEmail).add("adminName", "Ed Admin").add("password", PASSWORD).build())
                .expect(201);
        var agent = KcAdmin.createUser(agentEmail, agentEmail, PASSWORD);
        KcAdmin.grantRealmRole(agent, "agent");
        KcAdmin.addMember(KcAdmin.findOrganizationId(slug).orElseThrow(), agent);
        assertEquals(slug, Api.as(agentEmail, PASSWORD).me().getString("tenant"), "seen by Orden, so a member");
        tenant = Db.tenantIds().get(slug);
        var admin = Api.as(adminEmail, PASSWORD);
        var bundle = Configs.active(admin).getJsonObject("bundle");
        Configs.publish(admin, Json.createObjectBuilder(bundle).add("teams", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("key", "heating")
                        .add("name", Json.createObjectBuilder().add("es", "Calefacción").add("en", "Heating"))
                        .add("members", Json.createArrayBuilder().add(agentEmail)))).build());
    }

    @AfterAll
    static void forgetTheTenant() {
        EventStream.letServersDropClosedStreams();
        KcAdmin.forgetTenant(slug, EMAILS);
    }

    @Test
    void adminChangesARuleAReminderAndTheSettingsPublishesAndTheyApply() {
        var browser = chromium("en-US", false);
        try {
            signIn(browser, adminEmail);
            browser.get(It.BASE_URL + "/portal/admin");
            await(browser, By.cssSelector("orden-admin-home .adm-versions"));
            addsAnAssignmentRule(browser);
            changesTheUnassignedReminder(browser);
            changesTheTenantSettings(browser);
            publishes(browser);
        } finally {
            browser.quit();
        }

        var admin = Api.as(adminEmail, PASSWORD);
        var agent = Api.as(agentEmail, PASSWORD);
        var boiler = WorkOrders.create(admin, "The boiler makes a noise");
        assertEquals(agent.id(), WorkOrders.personId(boiler, "assignee"), boiler.toString());
        assertEquals("heating", boiler.getString("team"));
        assertTrue(WorkOrders.history(admin, boiler.getString("id")).stream().anyMatch(e -> e.getJsonObject("actor")
                .getString("id").equals("assignment-rule:boilers")), "assigned by the rule");

        var other = WorkOrders.create(admin, "A window is stuck");
        assertTrue(WorkOrders.absent(other, "assignee"), "no rule for windows");
        assertEquals(1, Db.countAs(tenant, "SELECT count(*) FROM scheduled_job WHERE key = ?"
                + " AND abs(extract(epoch FROM due_at - (?::timestamptz + interval '90 minutes'))) < 1",
                other.getString("id") + "/auto/unassigned", other.getString("createdAt")),
                "the dispatchers are reminded 90 minutes after creation");

        var limits = admin.get("/attachments/limits").expect(200).json();
        assertEquals(5 * MIB, limits.getJsonNumber("maxFileSize").longValue());
        var settings = Configs.active(admin).getJsonObject("bundle").getJsonObject("settings");
        assertEquals("Europe/Madrid", settings.getString("timeZone"));
        assertEquals("es", settings.getString("language"));
    }

    /** A rule without a key is refused by the client; with one, keyword "boiler" goes to the agent of heating. */
    private static void addsAnAssignmentRule(WebDriver browser) {
        editor(browser, "assignment");
        click(browser, browser.findElement(By.cssSelector("[data-action='add'][data-path='/rules']")));
        type(browser, "/rules/0/name", "Boilers to the heating team");
        type(browser, "/rules/0/when/keywords", "boiler, radiator");
        save(browser);
        var key = await(browser, By.cssSelector("[data-path='/rules/0/key'][aria-invalid='true']"));
        assertEquals("Required.", errorOf(browser, key));

        type(browser, "/rules/0/key", "boilers");
        new Select(browser.findElement(By.cssSelector("[data-path='/rules/0/then/team']"))).selectByValue("heating");
        new Select(await(browser, By.cssSelector("[data-path='/rules/0/then/assignee']"))).selectByValue(agentEmail);
        assertTrue(browser.findElements(By.cssSelector("[data-path='/rules/0/then/strategy']")).isEmpty(),
                "a person or a strategy, not both");
        save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
        assertTrue(browser.findElements(By.cssSelector("[aria-invalid='true']")).isEmpty(), "nothing to fix");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.findElement(By.cssSelector("[data-anchor='/rules/0/when/keywords']")));
        Browsers.screenshot(browser, "admin-assignment");
    }

    /** Minutes outside 1–43200 are refused at the control before saving. */
    private static void changesTheUnassignedReminder(WebDriver browser) {
        editor(browser, "reminders");
        assertTrue(await(browser, By.cssSelector("[data-path='/unassignedTimeout/enabled']")).isSelected(),
                "a sign-up tells the dispatchers");
        type(browser, "/unassignedTimeout/afterMinutes", "0");
        save(browser);
        var minutes = await(browser, By.cssSelector("[data-path='/unassignedTimeout/afterMinutes'][aria-invalid='true']"));
        assertEquals("At least 1.", errorOf(browser, minutes));
        type(browser, "/unassignedTimeout/afterMinutes", "90");
        save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
        Browsers.screenshot(browser, "admin-reminders");
    }

    /** An unknown time zone is the server's error, at the zone's control; then Madrid, Spanish and 5 MiB files. */
    private static void changesTheTenantSettings(WebDriver browser) {
        editor(browser, "settings");
        type(browser, "/timeZone", "Mars/Olympus_Mons");
        save(browser);
        var zone = await(browser, By.cssSelector("[data-path='/timeZone'][aria-invalid='true']"));
        assertTrue(errorOf(browser, zone).contains("Mars/Olympus_Mons"), errorOf(browser, zone));

        type(browser, "/timeZone", "Europe/Madrid");
        new Select(browser.findElement(By.cssSelector("[data-path='/language']"))).selectByValue("es");
        type(browser, "/attachments/maxFileSize", "5");
        save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
        assertTrue(browser.findElements(By.cssSelector("[aria-invalid='true']")).isEmpty(), "nothing to fix");
        Browsers.screenshot(browser, "admin-settings");
    }

    private static void publishes(WebDriver browser) {
        home(browser);
        var changed = await(browser, By.cssSelector("[data-changed='assignment'] a"));
        assertEquals("/portal/admin/assignment", changed.getDomAttribute("href"));
        await(browser, By.cssSelector("[data-changed='reminders']"));
        await(browser, By.cssSelector("[data-changed='settings'] a[href='/portal/admin/settings']"));
        click(browser, browser.findElement(By.cssSelector("[data-validate]")));
        await(browser, By.cssSelector("[data-check-result='valid']"));
        await(browser, By.id("adm-publish-note")).sendKeys("Boilers to heating, later reminders, Madrid");
        click(browser, browser.findElement(By.cssSelector("[data-publish]")));
        await(browser, By.cssSelector("[data-published]"));
    }

    @Test
    void inSpanishOnAPhoneTheEditorsFit() {
        var browser = chromium("es-ES", true);
        try {
            signIn(browser, adminEmail);
            var titles = Map.of("settings", "General", "reminders", "Recordatorios", "assignment", "Asignación");
            // The assignment editor last: a rule added there leaves unsaved changes behind.
            for (var name : List.of("settings", "reminders", "assignment")) {
                browser.get(It.BASE_URL + "/portal/admin/" + name);
                await(browser, By.cssSelector("[data-editor='" + name + "']"));
                assertEquals(titles.get(name), browser.findElement(By.tagName("h1")).getText());
                switch (name) {
                    case "settings" -> await(browser, By.cssSelector("[data-limit='maxFileSize']"));
                    case "assignment" -> {
                        click(browser, browser.findElement(By.cssSelector("[data-action='add'][data-path='/rules']")));
                        // The new rule's row is the one open (the other test may have published one before).
                        var keywords = await(browser, By.cssSelector("details[open] [data-path$='/when/keywords']"));
                        assertEquals("Palabras clave", browser.findElement(By.cssSelector(
                                "label[for='" + keywords.getDomAttribute("id") + "']")).getText());
                    }
                    default -> { }
                }
                fitsTheScreen(browser);
                Browsers.screenshot(browser, "admin-" + name + "-es-phone");
            }
        } finally {
            browser.quit();
        }
    }

    private static ChromeDriver chromium(String language, boolean phone) {
        return Browsers.chromium(language, phone, 1280, 1000);
    }
}
