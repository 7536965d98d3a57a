package dev.orden.it;

import static dev.orden.it.Browsers.await;
import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.move;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.csat.CsatToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The requester's portal in headless Chromium: the new-order form rendered from acme's configuration (a conditional
 * field appearing, a client-side error, a server-side 422 on its field, then the new order's page), a public
 * comment, rating a completed order, the e-mail's rating link without signing in, company sign-up ending signed in
 * as the new admin, and the form in Spanish on a phone. Screenshots go to target/portal-screenshots.
 */
class RequesterPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] DEV_SECRET = "orden-dev-csat-secret-change-me".getBytes(StandardCharsets.UTF_8);

    static final Api requester = Api.as(It.ACME_REQUESTER);
    static final List<String> signedUp = new ArrayList<>();

    @BeforeAll
    static void portalMaySignIn() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
    }

    @AfterAll
    static void forgetSignups() {
        signedUp.forEach(slug -> KcAdmin.forgetTenant(slug, List.of("boss@" + slug + ".test")));
        EventStream.letServersDropClosedStreams();
    }

    @Test
    void requesterFillsTheTypesFormWithAConditionalFieldThenCommentsOnTheNewOrder() {
        var browser = chromium("en-US", false);
        try {
            signIn(browser, It.ACME_REQUESTER);
            await(browser, By.cssSelector("#nav a[href='/portal/new']")).click();
            new Select(await(browser, By.id("f-type"))).selectByValue("repair");
            await(browser, By.cssSelector("form[data-type='repair'] [data-field='appliance']"));
            var warranty = browser.findElement(By.cssSelector("[data-field='warrantyNumber']"));
            assertFalse(warranty.isDisplayed(), "hidden until the order is under warranty");

            browser.findElement(By.id("f-title")).sendKeys("The washing machine leaks");
            new Select(browser.findElement(By.id("f-appliance"))).selectByValue("washer");
            browser.findElement(By.id("f-visitAddress")).sendKeys("Calle Mayor 1, Madrid");
            browser.findElement(By.id("f-underWarranty")).click();
            await(browser, By.id("f-warrantyNumber")).sendKeys("12345");
            browser.findElement(By.id("f-brand")).click(); // leaves the field: it is checked
            var error = await(browser, By.id("e-warrantyNumber"));
            assertEquals("This does not have the expected format.", error.getText());
            assertEquals("true", browser.findElement(By.id("f-warrantyNumber")).getDomAttribute("aria-invalid"));
            assertTrue(browser.findElement(By.id("f-warrantyNumber")).getDomAttribute("aria-describedby")
                    .contains("e-warrantyNumber"));
            screenshot(browser, "new-order");

            browser.findElement(By.cssSelector("button[type=submit]")).click();
            assertEquals("f-warrantyNumber", js(browser).executeScript("return document.activeElement.id"),
                    "focus on the first field in error");
            assertTrue(browser.findElement(By.className("form-alert")).getText().contains("1"));
            assertTrue(browser.getCurrentUrl().endsWith("/portal/new"), "nothing was sent");

            browser.findElement(By.id("f-warrantyNumber")).clear();
            browser.findElement(By.id("f-warrantyNumber")).sendKeys("G-123456");
            // The server's own check: with the client's copy of the pattern removed, its 422 lands on the field.
            js(browser).executeScript("document.querySelector('orden-new-order').form.sections[0].fields"
                    + ".find(f => f.key === 'serialNumber').pattern = null");
            browser.findElement(By.id("f-serialNumber")).sendKeys("bad serial");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.textMatches(By.id("e-serialNumber"),
                    java.util.regex.Pattern.compile(".+")));
            assertEquals("f-serialNumber", js(browser).executeScript("return document.activeElement.id"));
            browser.findElement(By.id("f-serialNumber")).clear();

            browser.findElement(By.cssSelector("button[type=submit]")).click();
            var page = await(browser, By.cssSelector(".order-page[data-order^='REP-']"));
            var number = page.getDomAttribute("data-order");
            assertTrue(browser.getCurrentUrl().endsWith("/portal/workorders/" + number), browser.getCurrentUrl());
            var stored = WorkOrders.get(requester, number);
            assertEquals("repair", stored.getString("type"));
            assertEquals("G-123456", stored.getJsonObject("customFields").getString("warrantyNumber"));
            assertTrue(stored.getJsonObject("customFields").getBoolean("underWarranty"));
            assertFalse(stored.getJsonObject("customFields").containsKey("serialNumber"));

            await(browser, By.id("comment-body")).sendKeys("Please come in the morning");
            browser.findElement(By.cssSelector(".comment-form button")).click();
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.className("timeline"), "Please come in the morning"));
            assertEquals("", browser.findElement(By.id("comment-body")).getDomProperty("value"));
            assertTrue(WorkOrders.comments(requester, number).stream()
                    .anyMatch(c -> c.getString("body").equals("Please come in the morning")));
        } finally {
            browser.quit();
        }
    }

    @Test
    void theRequesterRatesACompletedOrderOnItsPage() {
        var number = completedOrder("La nevera no enfría").getString("number");
        var browser = chromium("en-US", false);
        try {
            signIn(browser, It.ACME_REQUESTER);
            browser.get(It.BASE_URL + "/portal/workorders/" + number);
            var form = await(browser, By.className("rating-form"));
            assertEquals("Rate this order", form.findElement(By.tagName("h2")).getText());
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertEquals("Choose from 1 to 5 stars.", await(browser, By.id("e-score")).getText());

            browser.findElement(By.cssSelector("label[for='score-4']")).click();
            browser.findElement(By.id("rating-comment")).sendKeys("Quick and friendly");
            screenshot(browser, "rating");
            browser.findElement(By.cssSelector(".rating-form button[type=submit]")).click();
            var done = await(browser, By.cssSelector(".rating-done[data-rating='4']"));
            assertTrue(done.getText().contains("Quick and friendly"), done.getText());
            assertTrue(done.getText().contains("Rated 4 of 5"), done.getText());
            assertEquals(4, requester.get("/workorders/" + number + "/satisfaction").expect(200).json()
                    .getInt("score"));
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.className("timeline"), "rated it 4 of 5"));
            screenshot(browser, "rating-done");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theEmailsRatingLinkNeedsNoSignIn() {
        var order = completedOrder("El horno no calienta");
        var token = new CsatToken(Db.tenantIds().get("acme"), UUID.fromString(order.getString("id")),
                Instant.now().plusSeconds(600)).sign(DEV_SECRET);
        var browser = chromium("es-ES", true);
        try {
            browser.get(It.BASE_URL + "/portal/rate/" + token);
            var form = await(browser, By.className("rating-form"));
            assertEquals("Valora la orden " + order.getString("number"), browser.findElement(By.tagName("h1"))
                    .getText());
            assertFalse(browser.getCurrentUrl().startsWith(It.KC_URL), "no sign-in");
            form.findElement(By.cssSelector("label[for='score-5']")).click();
            screenshot(browser, "rate-link-es-phone");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertTrue(await(browser, By.cssSelector(".rating-done[data-rating='5']")).getText()
                    .contains("Gracias por tu valoración."));
            browser.navigate().refresh();
            await(browser, By.cssSelector(".rating-done[data-rating='5']"));
            assertEquals("Esta orden ya está valorada.", browser.findElement(By.cssSelector("orden-rate-link [role=status]"))
                    .getText());

            var expired = new CsatToken(Db.tenantIds().get("acme"), UUID.fromString(order.getString("id")),
                    Instant.now().minusSeconds(1)).sign(DEV_SECRET);
            browser.get(It.BASE_URL + "/portal/rate/" + expired);
            assertTrue(await(browser, By.cssSelector("[data-view='expired']")).getText().contains("ha caducado"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aCompanySignsUpAndEndsSignedInAsItsAdmin() {
        var slug = It.unique("req").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        signedUp.add(slug);
        var email = "boss@" + slug + ".test";
        var browser = chromium("en-US", false);
        try {
            browser.get(It.BASE_URL + "/portal/signup");
            await(browser, By.id("s-company")).sendKeys("Initrode " + slug);
            browser.findElement(By.id("s-slug")).sendKeys("Bad Slug");
            browser.findElement(By.id("s-adminName")).sendKeys("Bill Lumbergh");
            browser.findElement(By.id("s-adminEmail")).sendKeys(email);
            browser.findElement(By.id("s-password")).sendKeys("short");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            assertEquals("This does not have the expected format.", await(browser, By.id("e-slug")).getText());
            assertEquals("At least 10 characters.", browser.findElement(By.id("e-password")).getText());
            assertEquals("s-slug", js(browser).executeScript("return document.activeElement.id"));
            screenshot(browser, "signup");

            browser.findElement(By.id("s-slug")).clear();
            browser.findElement(By.id("s-slug")).sendKeys(slug);
            browser.findElement(By.id("s-password")).sendKeys("-a-long-password");
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            // Keycloak's login page, the new admin's e-mail already given: only the password is asked for.
            var username = Browsers.loginField(browser);
            if (username.getDomAttribute("id").equals("username")) {
                assertEquals(email, username.getDomProperty("value"));
                browser.findElement(By.id("kc-login")).click();
            }
            Browsers.enterPassword(browser, "short-a-long-password");
            await(browser, By.cssSelector("orden-orders"));
            assertEquals("Bill Lumbergh", await(browser, By.id("user")).getText());
            var me = Api.as(email, "short-a-long-password").me();
            assertEquals(slug, me.getString("tenant"));
            assertTrue(me.getJsonArray("roles").toString().contains("tenant-admin"), me.toString());
        } finally {
            browser.quit();
        }
    }

    @Test
    void theOrdersPageShowsWhatTheRequesterFormAskedWithItsLabelsInTheRequestersLanguage() {
        var fields = Json.createObjectBuilder().add("appliance", "fridge").add("brand", "Bosch <b>KGN</b>")
                .add("underWarranty", true).add("warrantyNumber", "G-123456").add("purchaseDate", "2026-03-15")
                .add("visitAddress", Json.createObjectBuilder().add("address", "Calle Mayor 1, Madrid"))
                .add("preferredSlot", "morning");
        var order = create(requester, order("El frigorífico no enfría").add("type", "repair")
                .add("customFields", fields));
        var dispatcher = Api.as(It.ACME_DISPATCHER);
        dispatcher.patch("/workorders/" + order.getString("id"), Json.createObjectBuilder().add("customFields",
                Json.createObjectBuilder().add("diagnosis", "Compresor averiado")).build(), order.getInt("version"))
                .expect(200);
        var browser = chromium("es-ES", false);
        try {
            signIn(browser, It.ACME_REQUESTER);
            browser.get(It.BASE_URL + "/portal/workorders/" + order.getString("number"));
            var details = await(browser, By.cssSelector(".order-page [data-value-of='appliance']"));
            assertEquals("Datos", browser.findElement(By.id("details")).getText());
            assertEquals("Electrodoméstico\nFrigorífico", details.getText());
            var shown = new LinkedHashMap<String, String>();
            browser.findElements(By.cssSelector(".order-page [data-value-of]")).forEach(element ->
                    shown.put(element.getDomAttribute("data-value-of"), element.findElement(By.tagName("dd")).getText()));
            assertEquals(Map.of("appliance", "Frigorífico", "brand", "Bosch <b>KGN</b>", "underWarranty", "Sí",
                    "warrantyNumber", "G-123456", "purchaseDate", "15 mar 2026", "visitAddress", "Calle Mayor 1, Madrid",
                    "preferredSlot", "Mañana"), shown, "the requester form's fields in its order, and not the agent's"
                    + " diagnosis");
            assertEquals(List.of("appliance", "brand", "underWarranty", "warrantyNumber", "purchaseDate", "visitAddress",
                    "preferredSlot"), List.copyOf(shown.keySet()));
            assertTrue(browser.findElements(By.cssSelector(".order-page [data-value-of] b")).isEmpty(),
                    "a value is text, never markup");
            screenshot(browser, "order-details-es");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theFormInSpanishOnAPhone() {
        var browser = chromium("es-ES", true);
        try {
            signIn(browser, It.ACME_REQUESTER);
            browser.get(It.BASE_URL + "/portal/new");
            new Select(await(browser, By.id("f-type"))).selectByValue("repair");
            await(browser, By.cssSelector("form[data-type='repair'] [data-field='appliance']"));
            assertEquals("Nueva orden", browser.findElement(By.tagName("h1")).getText());
            assertEquals("Tipo de trabajo", browser.findElement(By.cssSelector("label[for='f-type']")).getText());
            assertTrue(browser.findElement(By.cssSelector("label[for='f-appliance']")).getText()
                    .startsWith("Electrodoméstico"));
            assertEquals("Datos", browser.findElement(By.cssSelector(".form-section h2")).getText());
            assertTrue(browser.findElement(By.id("f-appliance")).getText().contains("Lavadora"));
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            assertEquals("Este campo es obligatorio.", await(browser, By.id("e-title")).getText());
            assertEquals("Este campo es obligatorio.", browser.findElement(By.id("e-appliance")).getText());
            assertEquals("f-title", js(browser).executeScript("return document.activeElement.id"));
            var widths = js(browser).executeScript(
                    "return [document.documentElement.scrollWidth, window.innerWidth]").toString();
            var parts = widths.replaceAll("[\\[\\] ]", "").split(",");
            assertTrue(Integer.parseInt(parts[0]) <= Integer.parseInt(parts[1]), "no sideways scrolling: " + widths);
            screenshot(browser, "new-order-es-phone");
        } finally {
            browser.quit();
        }
    }

    /** A general order of acme's requester, resolved by the demo agent. */
    private static JsonObject completedOrder(String title) {
        var ref = create(requester, order(title).add("type", "general")).getString("id");
        assign(Api.as(It.ACME_DISPATCHER), ref, Api.as(It.ACME_AGENT).id(), null).expect(200);
        move(Api.as(It.ACME_AGENT), ref, "IN_PROGRESS");
        return move(Api.as(It.ACME_AGENT), ref, "RESOLVED");
    }

    private static void signIn(WebDriver browser, String username) {
        browser.get(It.BASE_URL + "/portal/");
        Browsers.logIn(browser, username, It.DEMO_PASSWORD);
        await(browser, By.cssSelector("orden-orders .orders, orden-orders .empty"));
    }


    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }

    private static void screenshot(WebDriver browser, String name) {
        Browsers.screenshot(browser, name);
    }

    private static ChromeDriver chromium(String language, boolean phone) {
        return Browsers.chromium(language, phone, 1280, 1100);
    }
}
