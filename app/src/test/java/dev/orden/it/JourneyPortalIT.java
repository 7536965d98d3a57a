package dev.orden.it;

import static dev.orden.it.Browsers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole product through the portal, in headless Chromium against the real stack: a company signs up and its
 * admin is signed in; in the admin editors the admin adds a conditional field to the requester form and a team,
 * publishes them, and writes and publishes a flow rule that routes orders with a keyword to that team; an agent of that team and a requester join; the requester submits the
 * form (the conditional field appearing only when asked for); the rule routed the order (its trace in the history);
 * the agent sees it arrive live in "my teams", the admin assigns it, the agent works it to resolved with the
 * buttons; the requester's page follows live and they rate it. Screenshots: target/portal-screenshots/journey-*.
 */
class JourneyPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "journey-pass-1234";
    private static final String KEYWORD = "plumbing";

    private static String slug;
    private static String adminEmail;
    private static String agentEmail;
    private static String requesterEmail;
    private static final List<String> EMAILS = new ArrayList<>();

    @BeforeAll
    static void portalMaySignIn() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
        slug = It.unique("jrn").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        adminEmail = "boss@" + slug + ".test";
        agentEmail = "agent@" + slug + ".test";
        requesterEmail = "client@" + slug + ".test";
        EMAILS.addAll(List.of(adminEmail, agentEmail, requesterEmail));
    }

    @AfterAll
    static void forgetTheTenant() {
        EventStream.letServersDropClosedStreams();
        KcAdmin.forgetTenant(slug, EMAILS);
    }

    @Test
    void fromSignUpToARatedOrder() {
        var admin = chromium();
        WebDriver requester = null;
        WebDriver agent = null;
        try {
            companySignsUp(admin);
            var adminApi = Api.as(adminEmail, PASSWORD);
            agentAndRequesterJoin(admin);
            adminPublishesTheFieldTeamAndRule(admin, adminApi);

            agent = chromium();
            signIn(agent, agentEmail, "/portal/queue?queue=teams");
            await(agent, By.cssSelector("[data-queue-list='teams']"));
            await(agent, By.cssSelector("#live[data-state='live']"));

            requester = chromium();
            signIn(requester, requesterEmail, "/portal/");
            await(requester, By.cssSelector("orden-orders .orders, orden-orders .empty"));
            var number = requesterSubmitsTheForm(requester);

            theRuleRoutedIt(admin, adminApi, number);
            theAgentWorksItFromTheQueue(agent, admin, number);
            theRequesterSeesItResolvedAndRatesIt(requester, number);
        } catch (RuntimeException | AssertionError e) {
            for (var browser : new WebDriver[] {admin, agent, requester}) {
                if (browser != null) screenshot(browser, "journey-failed-" + (browser == admin ? "admin"
                        : browser == agent ? "agent" : "requester"));
            }
            throw e;
        } finally {
            admin.quit();
            if (agent != null) agent.quit();
            if (requester != null) requester.quit();
        }
    }

    /** Step 1: the sign-up form, then Keycloak's login for the new admin, ending signed in on the portal. */
    private static void companySignsUp(WebDriver browser) {
        browser.get(It.BASE_URL + "/portal/signup");
        await(browser, By.id("s-company")).sendKeys("Journey " + slug);
        browser.findElement(By.id("s-slug")).sendKeys(slug);
        browser.findElement(By.id("s-adminName")).sendKeys("Jo Journey");
        browser.findElement(By.id("s-adminEmail")).sendKeys(adminEmail);
        browser.findElement(By.id("s-password")).sendKeys(PASSWORD);
        screenshot(browser, "journey-1-signup");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        if (Browsers.loginField(browser).getDomAttribute("id").equals("username")) {
            browser.findElement(By.id("kc-login")).click();
        }
        Browsers.enterPassword(browser, PASSWORD);
        await(browser, By.cssSelector("orden-orders"));
        assertEquals("Jo Journey", await(browser, By.id("user")).getText());
        var me = Api.as(adminEmail, PASSWORD).me();
        assertEquals(slug, me.getString("tenant"));
        assertTrue(me.getJsonArray("roles").toString().contains("tenant-admin"), me.toString());
        screenshot(browser, "journey-1-signed-in");
    }

    /**
     * Step 3 (before step 2, since a team's members must exist): the admin invites the agent and the requester on the
     * People page; the password each would choose through the invitation e-mail's link is set with Keycloak's admin
     * API, as PeoplePortalIT does.
     */
    private static void agentAndRequesterJoin(WebDriver browser) {
        click(browser, By.cssSelector("#nav a[href='/portal/admin/users']"));
        await(browser, By.cssSelector(".person[data-email='" + adminEmail + "']"));
        invite(browser, agentEmail, "Alex Agent", "agent");
        invite(browser, requesterEmail, "Rita Requester", "requester");
        screenshot(browser, "journey-3-people");
    }

    private static void invite(WebDriver browser, String email, String name, String role) {
        var form = await(browser, By.cssSelector("orden-people [data-invite]"));
        form.findElement(By.id("invite-email")).sendKeys(email);
        form.findElement(By.id("invite-name")).sendKeys(name);
        // Exactly the one role: the form starts with "requester" ticked.
        for (var box : form.findElements(By.cssSelector("input[name=roles]"))) {
            if (box.isSelected() != box.getDomAttribute("value").equals(role)) box.click();
        }
        click(browser, By.cssSelector("[data-invite] button[type=submit]"));
        var row = await(browser, By.cssSelector(".person[data-email='" + email + "']"));
        People.choosePassword(row.getDomAttribute("data-person"), PASSWORD);
        assertEquals(slug, Api.as(email, PASSWORD).me().getString("tenant"));
    }

    /**
     * Step 2, in the admin editors: field "there is a pet" (yes/no) and field "pet's name" shown only when it is
     * ticked, both on the general type and in a new section of its requester form; team "plumbing" with the agent;
     * validated and published from the settings home. Then the admin writes rule "route_plumbing" in the rule editor
     * and publishes it from there.
     */
    private static void adminPublishesTheFieldTeamAndRule(WebDriver browser, Api admin) {
        var forms = Configs.active(admin).getJsonObject("bundle").getJsonArray("forms").getValuesAs(JsonObject.class);
        var form = IntStream.range(0, forms.size())
                .filter(i -> forms.get(i).getString("key").equals("general_requester")).findFirst().orElseThrow();
        click(browser, By.cssSelector("#nav a[href='/portal/admin']"));
        await(browser, By.cssSelector("orden-admin-home .adm-versions"));
        addsTheConditionalField(browser);
        putsTheFieldsOnTheTypeAndForm(browser, form);
        makesThePlumbingTeam(browser);
        AdminPortalIT.home(browser);
        click(browser, By.cssSelector("[data-validate]"));
        await(browser, By.cssSelector("[data-check-result='valid']"));
        await(browser, By.id("adm-publish-note")).sendKeys("Pets on requests, plumbing team");
        click(browser, By.cssSelector("[data-publish]"));
        await(browser, By.cssSelector("[data-published]"));
        var bundle = Configs.active(admin).getJsonObject("bundle");
        assertEquals(Json.createObjectBuilder().add("field", "hasPet").add("equals", true).build(),
                bundle.getJsonArray("fields").getJsonObject(1).getJsonObject("visibleWhen"));
        assertEquals(agentEmail, bundle.getJsonArray("teams").getJsonObject(0).getJsonArray("members").getString(0));

        writesAndPublishesTheRule(browser);
        screenshot(browser, "journey-2-rules");
    }

    private static void addsTheConditionalField(WebDriver browser) {
        AdminPortalIT.editor(browser, "fields");
        click(browser, By.cssSelector("[data-action='add'][data-path='']"));
        AdminPortalIT.type(browser, "/0/key", "hasPet");
        AdminPortalIT.type(browser, "/0/label/es", "Hay una mascota");
        AdminPortalIT.type(browser, "/0/label/en", "There is a pet");
        new Select(await(browser, By.cssSelector("[data-path='/0/type']"))).selectByValue("boolean");
        click(browser, By.cssSelector("[data-action='add'][data-path='']"));
        AdminPortalIT.type(browser, "/1/key", "petName");
        AdminPortalIT.type(browser, "/1/label/es", "Nombre de la mascota");
        AdminPortalIT.type(browser, "/1/label/en", "Pet's name");
        showsItOnlyWhenThereIsAPet(browser, "/1");
        screenshot(browser, "journey-2-fields");
        AdminPortalIT.save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
    }

    /** The condition, with the field editor's condition builder: one row, "Do you have a pet?" equals yes. */
    private static void showsItOnlyWhenThereIsAPet(WebDriver browser, String field) {
        var row = "cond-" + field.substring(1) + "-visibleWhen-0";
        click(browser, By.cssSelector("[data-action='cond-add'][data-path='" + field + "/visibleWhen']"));
        new Select(await(browser, By.id(row + "-field"))).selectByValue("hasPet");
        new Select(await(browser, By.id(row + "-value"))).selectByValue("true");
    }

    private static void putsTheFieldsOnTheTypeAndForm(WebDriver browser, int form) {
        AdminPortalIT.editor(browser, "types");
        click(browser, By.cssSelector("[data-row='/0'] > summary"));
        for (var field : List.of("hasPet", "petName")) {
            click(browser, By.cssSelector("[data-path='/0/fields'][data-value='" + field + "']"));
            await(browser, By.cssSelector("[data-path='/0/fields'][data-value='" + field + "']:checked"));
        }
        AdminPortalIT.save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));

        AdminPortalIT.editor(browser, "forms");
        click(browser, By.cssSelector("[data-row='/" + form + "'] > summary"));
        var sections = "/" + form + "/sections";
        click(browser, By.cssSelector("[data-action='add'][data-path='" + sections + "']"));
        AdminPortalIT.type(browser, sections + "/0/title/es", "Casa");
        AdminPortalIT.type(browser, sections + "/0/title/en", "Home");
        for (var i = 0; i < 2; i++) {
            click(browser, By.cssSelector("[data-action='add'][data-path='" + sections + "/0/fields']"));
            new Select(await(browser, By.cssSelector("[data-path='" + sections + "/0/fields/" + i + "/key']")))
                    .selectByValue(i == 0 ? "hasPet" : "petName");
        }
        // The preview follows the condition before anything is published.
        await(browser, By.cssSelector("orden-form-preview [data-field='hasPet']"));
        AdminPortalIT.save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
    }

    private static void makesThePlumbingTeam(WebDriver browser) {
        AdminPortalIT.editor(browser, "teams");
        click(browser, By.cssSelector("[data-action='add'][data-path='']"));
        AdminPortalIT.type(browser, "/0/key", KEYWORD);
        AdminPortalIT.type(browser, "/0/name/es", "Fontanería");
        AdminPortalIT.type(browser, "/0/name/en", "Plumbing");
        click(browser, By.cssSelector("[data-path='/0/members'][data-value='" + agentEmail + "']"));
        await(browser, By.cssSelector("[data-path='/0/members'][data-value='" + agentEmail + "']:checked"));
        AdminPortalIT.save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
    }

    /** The rule typed into the rule editor (on workorder.creating, its default event) and published from there. */
    private static void writesAndPublishesTheRule(WebDriver browser) {
        click(browser, By.cssSelector("#nav a[href='/portal/admin/rules']"));
        click(browser, By.linkText("New rule"));
        var code = await(browser, By.cssSelector(".rule-source .CodeMirror"));
        browser.findElement(By.name("key")).sendKeys("route_plumbing");
        browser.findElement(By.name("name")).sendKeys("Route plumbing");
        code.click();
        var input = code.findElement(By.tagName("textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        // Line by line without indentation: the editor indents as it goes.
        input.sendKeys(String.join("\n", "function rule(input) {",
                "if (input.order.team || !keywords.any(input.order.title, ['" + KEYWORD + "'])) return [];",
                "return [{type: 'assign', team: '" + KEYWORD + "', reason: 'a plumbing job'}];", "}"));
        click(browser, By.cssSelector("[data-publish]"));
        await(browser, By.cssSelector("[data-published]"));
        var rule = Configs.active(Api.as(adminEmail, PASSWORD)).getJsonObject("bundle").getJsonArray("rules")
                .getJsonObject(0);
        assertEquals("route_plumbing", rule.getString("key"));
        assertEquals(List.of("workorder.creating"), rule.getJsonArray("events").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }

    /** Step 4: the pet's name is asked for only once the requester says there is a pet. */
    private static String requesterSubmitsTheForm(WebDriver browser) {
        click(browser, By.cssSelector("#nav a[href='/portal/new']"));
        new Select(await(browser, By.id("f-type"))).selectByValue("general");
        await(browser, By.cssSelector("form[data-type='general'] [data-field='hasPet']"));
        var petName = By.cssSelector("[data-field='petName']");
        assertFalse(browser.findElement(petName).isDisplayed(), "hidden until there is a pet");
        browser.findElement(By.id("f-title")).sendKeys("Leaking sink, " + KEYWORD + " needed");
        click(browser, By.id("f-hasPet"));
        await(browser, By.id("f-petName"));
        click(browser, By.id("f-hasPet"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(petName));
        click(browser, By.id("f-hasPet"));
        await(browser, By.id("f-petName")).sendKeys("Toby");
        screenshot(browser, "journey-4-new-order");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        var page = await(browser, By.cssSelector(".order-page[data-order^='WO-']"));
        var number = page.getDomAttribute("data-order");
        var stored = WorkOrders.get(Api.as(requesterEmail, PASSWORD), number);
        assertEquals("Toby", stored.getJsonObject("customFields").getString("petName"));
        return number;
    }

    /** Step 5: the order is the team's, and the staff page's history shows the rule that put it there. */
    private static void theRuleRoutedIt(WebDriver browser, Api admin, String number) {
        assertEquals(KEYWORD, WorkOrders.get(admin, number).getString("team"));
        browser.get(It.BASE_URL + "/portal/workorders/" + number);
        await(browser, By.cssSelector(".staff-order[data-order='" + number + "']"));
        var history = await(browser, By.cssSelector("[data-history] [data-rule='route_plumbing']"));
        assertTrue(history.getText().contains("Route plumbing"), history.getText());
        js(browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", history);
        screenshot(browser, "journey-5-routed");
    }

    /** Step 6: live in the agent's "my teams"; the admin assigns it (agents do not), the agent resolves it. */
    private static void theAgentWorksItFromTheQueue(WebDriver agent, WebDriver admin, String number) {
        var row = By.cssSelector("[data-queue-list='teams'] .queue-row[data-number='" + number + "']");
        await(agent, row);
        screenshot(agent, "journey-6-queue");

        new Select(admin.findElement(By.id("assign-assignee"))).selectByValue(Api.as(agentEmail, PASSWORD).id());
        click(admin, By.cssSelector("[data-assign] button[type=submit]"));
        await(admin, By.cssSelector(".order-head .status[data-status='ASSIGNED']"));

        click(agent, By.cssSelector("[data-queue-list='teams'] .queue-row[data-number='" + number + "'] a"));
        await(agent, By.cssSelector(".staff-order[data-order='" + number + "']"));
        click(agent, By.cssSelector("[data-move='IN_PROGRESS']"));
        await(agent, By.cssSelector(".order-head .status[data-status='IN_PROGRESS']"));
        click(agent, By.cssSelector("[data-move='RESOLVED']"));
        await(agent, By.cssSelector(".order-head .status[data-status='RESOLVED']"));
        screenshot(agent, "journey-6-resolved");
    }

    /** Step 7: the requester's page follows live, and the rating is the API's too. */
    private static void theRequesterSeesItResolvedAndRatesIt(WebDriver browser, String number) {
        await(browser, By.cssSelector(".status[data-status='RESOLVED']"));
        var form = await(browser, By.className("rating-form"));
        click(browser, By.cssSelector("label[for='score-5']"));
        browser.findElement(By.id("rating-comment")).sendKeys("Sink fixed, Toby approves");
        screenshot(browser, "journey-7-rating");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        var done = await(browser, By.cssSelector(".rating-done[data-rating='5']"));
        assertTrue(done.getText().contains("Sink fixed, Toby approves"), done.getText());
        var rating = Api.as(requesterEmail, PASSWORD).get("/workorders/" + number + "/satisfaction").expect(200).json();
        assertEquals(5, rating.getInt("score"));
        assertEquals("Sink fixed, Toby approves", rating.getString("comment"));
        screenshot(browser, "journey-7-rated");
    }

    private static void signIn(WebDriver browser, String username, String path) {
        browser.get(It.BASE_URL + path);
        Browsers.logIn(browser, username, PASSWORD);
    }

    /** Clicks what the locator finds, again if a live redraw replaced it in between. */
    private static void click(WebDriver browser, By locator) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(b -> {
            js(b).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
                    b.findElement(locator));
            return true;
        });
    }


    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }

    private static void screenshot(WebDriver browser, String name) {
        Browsers.screenshot(browser, name);
    }

    private static ChromeDriver chromium() {
        return Browsers.chromium("en-US", false, 1280, 1200);
    }
}
