package dev.orden.it;

import static dev.orden.it.Browsers.await;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The rule editor in a real headless Chromium, for the admin of a company signed up here (so its orders are exactly
 * the ones seeded): a keyword-routing rule typed into the code editor, a failing test case that blocks publishing
 * with its reason, fixed until the tests pass, a dry run over the seeded orders, publishing, the new version and its
 * diff, a rollback whose result the API confirms; the rule list in Spanish. Screenshots go to
 * target/portal-screenshots.
 */
class RuleEditorPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "correct-horse-battery";
    /** Typed line by line without indentation: the editor indents as it goes. */
    private static final List<String> SOURCE = List.of(
            "// Leaks go to the plumbers.",
            "const LEAKS = ['fuga', 'leak'];",
            "function rule(input) {",
            "if (!keywords.any(input.order.title, LEAKS)) return [];",
            "return [{type: 'assign', team: 'plumbing', reason: 'leak keywords'}];",
            "}");
    private static final String WRONG = "[{\"type\": \"assign\", \"team\": \"fontaneria\", \"reason\": "
            + "\"leak keywords\"}]";
    private static final String RIGHT = "[{\"type\": \"assign\", \"team\": \"plumbing\", \"reason\": "
            + "\"leak keywords\"}]";

    static String slug;
    static String email;
    static Api admin;

    /** A new company with 8 orders, every other one about a leak ("fuga"). */
    @BeforeAll
    static void signUpAndSeed() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
        slug = It.unique("editor");
        email = slug + "-admin@signup.test";
        var client = Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)));
        client.post("/signup", Json.createObjectBuilder().add("company", "Reglas " + slug).add("slug", slug)
                .add("adminEmail", email).add("adminName", "Rita Rules").add("password", PASSWORD).build())
                .expect(201);
        admin = Api.as(email, PASSWORD);
        for (int i = 1; i <= 8; i++) {
            create(admin, order(i % 2 == 0 ? "Fuga de agua " + i : "Revisión anual " + i));
        }
    }

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        KcAdmin.forgetTenant(slug, List.of(email));
    }

    @Test
    void adminWritesTestsDryRunsPublishesDiffsAndRollsBackARule() {
        var browser = chromium("en-US", false);
        try {
            signIn(browser);
            // The portal's Content-Security-Policy stays as it is: the editor must work without any exception.
            js(browser).executeScript("window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                    + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI))");
            click(browser, By.linkText("Rules"));
            await(browser, By.cssSelector("[data-view='rules'] .empty"));
            click(browser, By.linkText("New rule"));

            writeTheRule(browser);
            addAFailingCase(browser);
            publishingIsBlockedByTheFailingCase(browser);
            fixTheCaseAndTheTestsPass(browser);
            dryRunOverTheSeededOrders(browser);
            publish(browser);
            theListInSpanish(browser);
            theNewVersionAndItsDiff(browser);
            rollBack(browser);
            assertEquals(List.of(), js(browser).executeScript("return window.cspViolations"), "nothing was blocked");
        } finally {
            browser.quit();
        }
        var active = Configs.active(admin);
        assertEquals(3, active.getInt("version"), active.toString());
        var rules = active.getJsonObject("bundle").getJsonArray("rules");
        assertTrue(rules == null || rules.isEmpty(), "version 1's rules (none) are active again: " + rules);
    }

    @Test
    void aBrokenRuleShowsWhereAndIsRemovedFromTheDraftAfterAConfirmation() {
        var rule = Json.createObjectBuilder().add("key", "stale_rule").add("name", "Stale rule")
                .add("events", Json.createArrayBuilder().add("workorder.created"))
                .add("source", "function rule(input) {\n  return [;\n}");
        admin.send("PUT", "/admin/config/draft/rules", Api.JSON, Json.createArrayBuilder().add(rule).build().toString(),
                Map.of()).expect(200);
        var browser = chromium("en-US", false);
        try {
            signIn(browser);
            click(browser, By.linkText("Rules"));
            await(browser, By.cssSelector("[data-showing='draft']"));
            click(browser, By.linkText("Stale rule"));
            await(browser, By.cssSelector(".rule-source .CodeMirror"));
            browser.findElement(By.cssSelector("[data-run-tests]")).click();
            var headline = await(browser, By.cssSelector("#tests-result[data-outcome='fail']"));
            assertEquals("The source has an error (below the editor): the test cases did not run.", headline.getText());
            var error = browser.findElement(By.cssSelector("[data-source-error]")).getText();
            assertTrue(error.contains("line 2, column 11: SyntaxError"), error);
            await(browser, By.cssSelector(".CodeMirror .cm-rule-error"));
            await(browser, By.cssSelector("[data-remove]")).click();
            var dialog = await(browser, By.cssSelector(".rule-remove dialog[open]"));
            dialog.findElement(By.cssSelector("[data-remove-cancel]")).click();
            assertEquals("Remove from the draft",
                    js(browser).executeScript("return document.activeElement.textContent.trim()"), "focus back");
            browser.findElement(By.cssSelector("[data-remove]")).click();
            await(browser, By.cssSelector(".rule-remove dialog[open] [data-remove-confirm]")).click();
            await(browser, By.cssSelector("[data-view='rules'] .empty"));
            assertTrue(browser.getCurrentUrl().endsWith("/portal/admin/rules"), browser.getCurrentUrl());
        } finally {
            browser.quit();
        }
        var draft = admin.get("/admin/config/draft").expect(200).json().getJsonObject("bundle");
        assertTrue(draft.getJsonArray("rules").isEmpty(), draft.toString());
    }

    @Test
    void spanishOnAPhone() {
        var browser = chromium("es-ES", true);
        try {
            signIn(browser);
            click(browser, By.linkText("Reglas"));
            awaitText(browser, By.tagName("h1"), "Reglas");
            fitsTheScreen(browser);
            click(browser, By.linkText("Nueva regla"));
            awaitText(browser, By.tagName("h1"), "Nueva regla");
            await(browser, By.cssSelector(".rule-source .CodeMirror"));
            assertEquals("Código (JavaScript)",
                    browser.findElement(By.cssSelector("label[for='rule-source']")).getText());
            fitsTheScreen(browser);
            screenshot(browser, "rule-editor-es-phone");
        } finally {
            browser.quit();
        }
    }

    private static void fitsTheScreen(WebDriver browser) {
        var widths = js(browser).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]").toString();
        var parts = widths.replaceAll("[\\[\\] ]", "").split(",");
        assertTrue(Integer.parseInt(parts[0]) <= Integer.parseInt(parts[1]), "no sideways scrolling: " + widths);
        assertTrue(Integer.parseInt(parts[1]) <= 400, "a phone's width: " + widths);
    }

    private static void writeTheRule(WebDriver browser) {
        await(browser, By.cssSelector(".rule-source .CodeMirror"));
        browser.findElement(By.name("key")).sendKeys("route_leaks");
        browser.findElement(By.name("name")).sendKeys("Route leaks");
        var code = browser.findElement(By.cssSelector(".rule-source .CodeMirror"));
        code.click();
        var input = code.findElement(By.tagName("textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(String.join("\n", SOURCE));
        var typed = (String) js(browser).executeScript(
                "return document.querySelector('.rule-source .CodeMirror').CodeMirror.getValue()");
        assertTrue(typed.contains("  if (!keywords.any(input.order.title, LEAKS)) return [];"), typed);
        assertTrue(typed.endsWith("\n}"), typed);
        // Highlighted: keywords and strings are marked up by the JavaScript mode.
        assertTrue(!code.findElements(By.cssSelector(".cm-keyword")).isEmpty(), "keywords highlighted");
        assertTrue(!code.findElements(By.cssSelector(".cm-string")).isEmpty(), "strings highlighted");
        // No keyboard trap: Tab leaves the editor for the descriptor's first field.
        input.sendKeys(Keys.TAB);
        assertEquals("key", js(browser).executeScript("return document.activeElement.name"));
    }

    private static void addAFailingCase(WebDriver browser) {
        browser.findElement(By.cssSelector("[data-add-case]")).click();
        await(browser, By.name("case-0-name")).sendKeys("a leak goes to plumbing");
        replace(browser.findElement(By.name("case-0-input")), "{\"order\": {\"title\": \"Fuga en la cocina\"}}");
        replace(browser.findElement(By.name("case-0-expect")), WRONG);
        browser.findElement(By.name("note")).sendKeys("Route leaks to plumbing");
    }

    private static void publishingIsBlockedByTheFailingCase(WebDriver browser) {
        browser.findElement(By.cssSelector("[data-publish]")).click();
        var blocked = await(browser, By.cssSelector("[data-publish-blocked]"));
        assertTrue(blocked.getText().contains("rules/route_leaks.test.json"), blocked.getText());
        assertTrue(blocked.getText().contains("test 'a leak goes to plumbing': expected"), blocked.getText());
        var result = browser.findElement(By.cssSelector("[data-case-result='0']"));
        assertTrue(result.getAttribute("class").contains("failed"), result.getAttribute("class"));
        var diff = result.findElement(By.cssSelector("[data-test-diff]")).getText();
        assertTrue(diff.contains("\"team\": \"fontaneria\"") && diff.contains("\"team\": \"plumbing\""), diff);
        // Keys in one order on both sides: only the differing value is marked.
        assertEquals(1, result.findElements(By.cssSelector("[data-test-diff] td.diff-del")).size(), diff);
        assertEquals(1, result.findElements(By.cssSelector("[data-test-diff] td.diff-add")).size(), diff);
        screenshot(browser, "rule-editor-test-failing");
        assertEquals(1, admin.get("/admin/config").expect(200).json().getInt("version"), "nothing was published");
    }

    private static void fixTheCaseAndTheTestsPass(WebDriver browser) {
        replace(browser.findElement(By.name("case-0-expect")), RIGHT);
        browser.findElement(By.cssSelector("[data-run-tests]")).click();
        var headline = await(browser, By.cssSelector("#tests-result[data-outcome='pass']"));
        assertEquals("1 of 1 test cases pass.", headline.getText());
        assertTrue(browser.findElement(By.cssSelector("[data-case-result='0']")).getText().startsWith("Pass"));
        js(browser).executeScript("window.scrollTo(0, 0)");
        screenshot(browser, "rule-editor");
    }

    private static void dryRunOverTheSeededOrders(WebDriver browser) {
        replace(browser.findElement(By.name("dry-count")), "20");
        browser.findElement(By.cssSelector("[data-dry-run]")).click();
        var summary = await(browser, By.cssSelector("[data-summary]"));
        assertTrue(summary.getText().startsWith("8 orders: 4 with effects, 0 with errors; assign 4;"),
                summary.getText());
        var rows = browser.findElements(By.cssSelector(".dry-table tbody tr"));
        assertEquals(8, rows.size());
        var withEffects = browser.findElements(By.cssSelector(".dry-table tbody tr.with-effects"));
        assertEquals(4, withEffects.size());
        var first = withEffects.getFirst().getText();
        assertTrue(first.contains("\"team\":\"plumbing\""), first);
        js(browser).executeScript("arguments[0].scrollIntoView()", summary);
        screenshot(browser, "rule-dry-run");
    }

    private static void publish(WebDriver browser) {
        browser.findElement(By.cssSelector("[data-publish]")).click();
        var done = await(browser, By.cssSelector("[data-published]"));
        assertEquals("2", done.getAttribute("data-published"));
        assertTrue(browser.getCurrentUrl().endsWith("/portal/admin/rules/edit/route_leaks"), browser.getCurrentUrl());
    }

    private static void theListInSpanish(WebDriver browser) {
        click(browser, By.linkText("Rules"));
        var row = await(browser, By.cssSelector("tr[data-rule='route_leaks']"));
        assertTrue(row.getText().contains("Active"), row.getText());
        new Select(browser.findElement(By.id("lang"))).selectByValue("es");
        awaitText(browser, By.tagName("h1"), "Reglas");
        row = browser.findElement(By.cssSelector("tr[data-rule='route_leaks']"));
        assertEquals("Activa", row.findElement(By.className("rule-mode")).getText());
        assertTrue(row.getText().contains("Saltar la regla"), row.getText());
        assertEquals("Reglas", browser.findElement(By.cssSelector("#nav a[aria-current='page']")).getText());
        var header = browser.findElement(By.cssSelector(".rules-table thead")).getText();
        assertTrue(header.contains("Nombre") && header.contains("Eventos") && header.contains("Último error"), header);
        screenshot(browser, "rules-es");
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        awaitText(browser, By.tagName("h1"), "Rules");
    }

    private static void theNewVersionAndItsDiff(WebDriver browser) {
        click(browser, By.linkText("Versions and differences"));
        var newest = await(browser, By.cssSelector("tr[data-version='2'][data-status='active']"));
        assertTrue(newest.getText().contains("Route leaks to plumbing"), newest.getText());
        assertTrue(newest.getText().contains("Rita Rules"), "the publisher by name: " + newest.getText());
        var from = new Select(browser.findElement(By.name("from"))).getFirstSelectedOption();
        assertEquals("1", from.getAttribute("value"), "from the version before the active one");
        browser.findElement(By.cssSelector("[data-show-diff]")).click();
        var summary = await(browser, By.cssSelector("[data-diff-result]"));
        assertTrue(summary.getText().startsWith("From version 1 to version 2: 3 files differ"), summary.getText());
        var source = browser.findElement(By.cssSelector("[data-file='rules/route_leaks.js']"));
        assertTrue(source.getText().contains("keywords.any(input.order.title, LEAKS)"), source.getText());
        assertTrue(source.findElements(By.cssSelector("tr.diff-add")).size() >= SOURCE.size());
        screenshot(browser, "rule-diff");
        new Select(browser.findElement(By.name("layout"))).selectByValue("split");
        await(browser, By.cssSelector("[data-file='rules/route_leaks.js'] table.diff-split"));
        screenshot(browser, "rule-diff-split");
    }

    private static void rollBack(WebDriver browser) {
        browser.findElement(By.cssSelector("[data-rollback='1']")).click();
        var dialog = await(browser, By.cssSelector("dialog.confirm[open]"));
        assertEquals("Roll back to version 1?", dialog.findElement(By.tagName("h2")).getText());
        dialog.findElement(By.cssSelector("[data-confirm]")).click();
        var notice = await(browser, By.cssSelector("[data-notice]"));
        assertEquals("Version 3 published: Rollback to version 1.", notice.getText());
        await(browser, By.cssSelector("tr[data-version='3'][data-status='active']"));
    }

    /** Clicks what the locator finds once it is there, again if it was redrawn meanwhile (the header is, live). */
    private static void click(WebDriver browser, By locator) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(b -> {
            b.findElement(locator).click();
            return true;
        });
    }

    private static void replace(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private static void signIn(WebDriver browser) {
        browser.get(It.BASE_URL + "/portal/");
        Browsers.logIn(browser, email, PASSWORD);
        await(browser, By.cssSelector("orden-orders"));
    }


    private static void awaitText(WebDriver browser, By locator, String text) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(locator, text));
    }

    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }

    private static void screenshot(WebDriver browser, String name) {
        Browsers.screenshot(browser, name);
    }

    private static ChromeDriver chromium(String language, boolean phone) {
        return Browsers.chromium(language, phone, 1400, 1000);
    }
}
