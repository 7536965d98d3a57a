package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole product through the portal, in headless Chromium against the real stack: a company signs up and its
 * admin is signed in; the admin publishes a conditional field on the requester form, a team and a flow rule that
 * routes orders with a keyword to that team; an agent of that team and a requester join; the requester submits the
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
        var first = new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector("#password, #username"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        if (first.getDomAttribute("id").equals("username")) {
            browser.findElement(By.id("kc-login")).click();
        }
        await(browser, By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains(It.BASE_URL + "/portal/"));
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
     * Step 2. The fields, the form and the team go through the configuration API rather than the editors'
     * controls, to keep the run short (AdminPortalIT drives those control by control; the condition would be typed
     * as JSON into "Shown when"): the "pet's name" field visible only when "there is a pet" is ticked, on the general
     * type's requester form, and team "plumbing" with the agent. The admin's browser shows the field in the editor,
     * then writes rule "route_plumbing" in the rule editor and publishes it from there.
     */
    private static void adminPublishesTheFieldTeamAndRule(WebDriver browser, Api admin) {
        var bundle = Configs.active(admin).getJsonObject("bundle");
        var fields = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("key", "hasPet").add("type", "boolean").add("default", false)
                        .add("label", bilingual("Hay una mascota", "There is a pet")))
                .add(Json.createObjectBuilder().add("key", "petName").add("type", "text")
                        .add("label", bilingual("Nombre de la mascota", "Pet's name"))
                        .add("visibleWhen", Json.createObjectBuilder().add("field", "hasPet").add("equals", true)));
        var types = Json.createArrayBuilder();
        bundle.getJsonArray("types").getValuesAs(JsonObject.class).forEach(type -> types.add(
                type.getString("key").equals("general") ? Json.createObjectBuilder(type).add("fields",
                        Json.createArrayBuilder().add("hasPet").add("petName")).build() : type));
        var forms = Json.createArrayBuilder();
        bundle.getJsonArray("forms").getValuesAs(JsonObject.class).forEach(form -> forms.add(
                form.getString("key").equals("general_requester") ? Json.createObjectBuilder(form).add("sections",
                        Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("title", bilingual("Casa", "Home"))
                                .add("fields", Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder().add("key", "hasPet"))
                                        .add(Json.createObjectBuilder().add("key", "petName"))))).build() : form));
        var teams = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", KEYWORD)
                .add("name", bilingual("Fontanería", "Plumbing"))
                .add("members", Json.createArrayBuilder().add(agentEmail)));
        Configs.publish(admin, Json.createObjectBuilder(bundle).add("fields", fields).add("types", types)
                .add("forms", forms).add("teams", teams).build());

        browser.get(It.BASE_URL + "/portal/admin/fields");
        click(browser, By.cssSelector("[data-editor='fields'] [data-row='/1'] > summary"));
        await(browser, By.cssSelector("[data-editor='fields'] [data-path='/1/key']"));
        screenshot(browser, "journey-2-fields");
        writesAndPublishesTheRule(browser);
        screenshot(browser, "journey-2-rules");
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

    private static JsonObject bilingual(String es, String en) {
        return Json.createObjectBuilder().add("es", es).add("en", en).build();
    }

    private static void signIn(WebDriver browser, String username, String path) {
        browser.get(It.BASE_URL + path);
        await(browser, By.id("username")).sendKeys(username);
        browser.findElement(By.id("kc-login")).click();
        await(browser, By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains(It.BASE_URL + "/portal/"));
    }

    /** Clicks what the locator finds, again if a live redraw replaced it in between. */
    private static void click(WebDriver browser, By locator) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(b -> {
            js(b).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
                    b.findElement(locator));
            return true;
        });
    }

    private static WebElement await(WebDriver browser, By locator) {
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
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
