package dev.orden.it;

import static dev.orden.it.Browsers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tenant admin's configuration editors in a real headless Chromium, on a tenant of its own signed up here: a
 * custom field is added, put on the type and on its requester form (seen in the live preview), found invalid by
 * "Validate", fixed at the control the error links to, and published with a message, after which the API serves
 * the new form; a team's members and a workflow transition are edited; the pages in Spanish; and a member who is
 * no admin gets the not-found page (and the API a 403). Screenshots go to target/portal-screenshots.
 */
class AdminPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    static final String PASSWORD = "admin-portal-pass-1";

    private static String slug;
    private static String adminEmail;
    private static String agentEmail;
    private static final List<String> EMAILS = new ArrayList<>();

    @BeforeAll
    static void aTenantWithAnAdminAndAnAgent() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
        slug = It.unique("adm");
        adminEmail = slug + "-boss@adm.test";
        agentEmail = slug + "-agent@adm.test";
        EMAILS.addAll(List.of(adminEmail, agentEmail));
        Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .post("/signup", Json.createObjectBuilder().add("company", "Admin " + slug).add("slug", slug)
                        .add("adminEmail", adminEmail).add("adminName", "Ada Admin").add("password", PASSWORD).build())
                .expect(201);
        var agent = KcAdmin.createUser(agentEmail, agentEmail, PASSWORD);
        KcAdmin.grantRealmRole(agent, "agent");
        KcAdmin.addMember(KcAdmin.findOrganizationId(slug).orElseThrow(), agent);
        assertEquals(slug, Api.as(agentEmail, PASSWORD).me().getString("tenant"), "seen by Orden, so a member");
    }

    @AfterAll
    static void forgetTheTenant() {
        EventStream.letServersDropClosedStreams();
        KcAdmin.forgetTenant(slug, EMAILS);
    }

    @Test
    void adminAddsAFieldToTheRequesterFormValidatesFixesAndPublishes() {
        var admin = Api.as(adminEmail, PASSWORD);
        var forms = Configs.active(admin).getJsonObject("bundle").getJsonArray("forms").getValuesAs(JsonObject.class);
        var requesterForm = indexOf(forms, "general_requester");
        var browser = chromium("en-US", false);
        try {
            signIn(browser, adminEmail);
            click(browser, await(browser, By.cssSelector("#nav a[href='/portal/admin']")));
            await(browser, By.cssSelector("orden-admin-home [data-draft='none']"));

            addsAFieldWithABadPattern(browser);
            putsItOnTheType(browser);
            putsItOnTheFormAndSeesItInThePreview(browser, requesterForm);
            validatesAndFixesTheFieldFromTheError(browser);
            editsATeamsMembers(browser);
            editsAWorkflowTransition(browser);
            publishesWithAMessage(browser);
        } finally {
            browser.quit();
        }

        var form = admin.send("GET", "/types/general/form?audience=requester", null, null,
                Map.of("Accept-Language", "en")).expect(200).json();
        var field = form.getJsonArray("sections").getJsonObject(0).getJsonArray("fields").getJsonObject(0);
        assertEquals("serial", field.getString("key"));
        assertEquals("Serial number", field.getString("label"));
        assertEquals("[A-Z0-9]+", field.getString("pattern"));
        assertEquals("Equipment", form.getJsonArray("sections").getJsonObject(0).getString("title"));
        var newest = admin.get("/admin/config/versions").expect(200).objects().getFirst();
        assertEquals("Serial number on requests", newest.getString("note"));
        assertTrue(newest.getBoolean("active"));
        var bundle = Configs.active(admin).getJsonObject("bundle");
        var team = bundle.getJsonArray("teams").getJsonObject(0);
        assertEquals("field", team.getString("key"));
        assertEquals(List.of(agentEmail), team.getJsonArray("members").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        var transition = bundle.getJsonArray("workflows").getJsonObject(0).getJsonArray("transitions").getJsonObject(4);
        assertEquals("RESOLVED", transition.getString("to"));
        assertTrue(transition.getBoolean("requireComment"), transition.toString());
    }

    private static void addsAFieldWithABadPattern(WebDriver browser) {
        editor(browser, "fields");
        click(browser, browser.findElement(By.cssSelector("[data-action='add'][data-path='']")));
        type(browser, "/0/key", "serial");
        type(browser, "/0/label/es", "Número de serie");
        // The client's checks come first: a bilingual label needs both languages.
        save(browser);
        var missing = await(browser, By.cssSelector("[data-path='/0/label/en'][aria-invalid='true']"));
        assertEquals("Required.", errorOf(browser, missing));

        type(browser, "/0/label/en", "Serial number");
        type(browser, "/0/pattern", "[A-Z0-9");
        click(browser, browser.findElement(By.cssSelector("[data-path='/0/required']")));
        save(browser);
        // Saved (drafts may be invalid), and the server's verdict is shown at the control.
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
        var pattern = await(browser, By.cssSelector("[data-path='/0/pattern'][aria-invalid='true']"));
        assertFalse(errorOf(browser, pattern).isBlank());
        screenshot(browser, "admin-fields");
    }

    private static void putsItOnTheType(WebDriver browser) {
        editor(browser, "types");
        click(browser, browser.findElement(By.cssSelector("[data-row='/0'] > summary")));
        click(browser, await(browser, By.cssSelector("[data-path='/0/fields'][data-value='serial']")));
        await(browser, By.cssSelector("[data-path='/0/fields'][data-value='serial']:checked"));
        screenshot(browser, "admin-types");
        save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
    }

    private static void putsItOnTheFormAndSeesItInThePreview(WebDriver browser, int form) {
        editor(browser, "forms");
        click(browser, browser.findElement(By.cssSelector("[data-row='/" + form + "'] > summary")));
        click(browser, await(browser, By.cssSelector("[data-action='add'][data-path='/" + form + "/sections']")));
        type(browser, "/" + form + "/sections/0/title/es", "Equipo");
        type(browser, "/" + form + "/sections/0/title/en", "Equipment");
        click(browser, browser.findElement(By.cssSelector("[data-action='add'][data-path='/" + form + "/sections/0/fields']")));
        new Select(await(browser, By.cssSelector("[data-path='/" + form + "/sections/0/fields/0/key']")))
                .selectByValue("serial");
        // Drawn before saving, as the requester would see it.
        var previewed = await(browser, By.cssSelector("orden-form-preview [data-field='serial']"));
        assertTrue(previewed.findElement(By.tagName("label")).getText().startsWith("Serial number *"));
        assertTrue(previewed.findElement(By.cssSelector("[data-required-mark]")).isDisplayed());
        assertEquals("Equipment", browser.findElement(By.cssSelector("orden-form-preview .form-section h3")).getText());
        screenshot(browser, "admin-forms");
        save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
    }

    private static void validatesAndFixesTheFieldFromTheError(WebDriver browser) {
        home(browser);
        await(browser, By.cssSelector("[data-changed='fields']"));
        await(browser, By.cssSelector("[data-changed='forms']"));
        click(browser, browser.findElement(By.cssSelector("[data-validate]")));
        var error = await(browser, By.cssSelector("[data-check-result='invalid'] li[data-error-field='/fields/0/pattern']"));
        assertTrue(error.getText().startsWith("fields.json /0/pattern"), error.getText());
        screenshot(browser, "admin-validate");

        click(browser, error.findElement(By.tagName("a")));
        var pattern = await(browser, By.cssSelector("orden-admin-fields [data-path='/0/pattern'][aria-invalid='true']"));
        new WebDriverWait(browser, WAIT).until(b -> pattern.equals(b.switchTo().activeElement()));
        type(browser, "/0/pattern", "[A-Z0-9]+");
        save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
        assertTrue(browser.findElements(By.cssSelector("[aria-invalid='true']")).isEmpty(), "no error left");
    }

    private static void editsATeamsMembers(WebDriver browser) {
        editor(browser, "teams");
        click(browser, browser.findElement(By.cssSelector("[data-action='add'][data-path='']")));
        type(browser, "/0/key", "field");
        type(browser, "/0/name/es", "Campo");
        type(browser, "/0/name/en", "Field");
        click(browser, await(browser, By.cssSelector("[data-path='/0/members'][data-value='" + adminEmail + "']")));
        click(browser, await(browser, By.cssSelector("[data-path='/0/members'][data-value='" + agentEmail + "']")));
        save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
        // The admin leaves the team again: members are changed, not only added.
        click(browser, await(browser, By.cssSelector("[data-path='/0/members'][data-value='" + adminEmail + "']:checked")));
        await(browser, By.cssSelector(".adm-state[data-state='unsaved']"));
        screenshot(browser, "admin-teams");
        save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
    }

    private static void editsAWorkflowTransition(WebDriver browser) {
        editor(browser, "workflows");
        click(browser, browser.findElement(By.cssSelector("[data-row='/0'] > summary")));
        var requireComment = await(browser, By.cssSelector("[data-path='/0/transitions/4/requireComment']"));
        assertFalse(requireComment.isSelected());
        click(browser, requireComment);
        screenshot(browser, "admin-workflows");
        save(browser);
        await(browser, By.cssSelector(".adm-state[data-state='saved']"));
    }

    private static void publishesWithAMessage(WebDriver browser) {
        home(browser);
        click(browser, browser.findElement(By.cssSelector("[data-validate]")));
        await(browser, By.cssSelector("[data-check-result='valid']"));
        await(browser, By.id("adm-publish-note")).sendKeys("Serial number on requests");
        click(browser, browser.findElement(By.cssSelector("[data-publish]")));
        await(browser, By.cssSelector("[data-published]"));
        var newest = await(browser, By.cssSelector(".adm-versions tbody tr"));
        assertTrue(newest.getText().contains("Serial number on requests"), newest.getText());
        assertTrue(newest.getText().contains("Ada Admin"), newest.getText());
        assertEquals(0, browser.findElements(By.cssSelector("[data-publish]")).size(), "no draft left to publish");
        screenshot(browser, "admin-home");
    }

    @Test
    void inSpanishEveryEditorOpens() {
        var browser = chromium("es-ES", false);
        try {
            signIn(browser, adminEmail);
            var settings = await(browser, By.cssSelector("#nav a[href='/portal/admin']"));
            assertEquals("Configuración", settings.getText());
            click(browser, settings);
            awaitText(browser, By.tagName("h1"), "Configuración");
            var titles = Map.of("types", "Tipos", "fields", "Campos", "forms", "Formularios", "workflows", "Flujos",
                    "areas", "Zonas", "teams", "Equipos", "sla", "SLA", "notifications", "Avisos",
                    "plugins", "Extensiones");
            var edited = false;
            for (var editor : List.of("areas", "sla", "notifications", "plugins", "types", "fields", "forms",
                    "workflows", "teams")) {
                if (edited) {
                    leaveUnsaved(browser, editor);
                } else {
                    editor(browser, editor);
                }
                edited = List.of("areas", "sla", "notifications").contains(editor);
                assertEquals(titles.get(editor), browser.findElement(By.tagName("h1")).getText());
                switch (editor) {
                    case "areas" -> anAreaWithASubArea(browser);
                    case "sla" -> aCalendar(browser);
                    case "notifications" -> aTemplateWithItsPreview(browser);
                    case "plugins" -> strategiesAndChannels(browser);
                    default -> { }
                }
                screenshot(browser, "admin-" + editor + "-es");
            }
        } finally {
            browser.quit();
        }
    }

    private static void anAreaWithASubArea(WebDriver browser) {
        click(browser, browser.findElement(By.cssSelector("[data-action='add'][data-path='']")));
        type(browser, "/0/key", "madrid");
        type(browser, "/0/name/es", "Madrid");
        type(browser, "/0/name/en", "Madrid");
        click(browser, browser.findElement(By.cssSelector("[data-action='add'][data-path='/0/children']")));
        type(browser, "/0/children/0/key", "madrid_norte");
        assertEquals("Añadir una subzona",
                browser.findElement(By.cssSelector("[data-action='add'][data-path='/0/children']")).getText());
    }

    private static void aCalendar(WebDriver browser) {
        click(browser, browser.findElement(By.cssSelector("[data-action='add'][data-path='']")));
        type(browser, "/0/key", "oficina");
        click(browser, browser.findElement(By.cssSelector("[data-action='add'][data-path='/0/hours']")));
        await(browser, By.cssSelector("[data-path='/0/hours/0/days'][data-value='mon']:checked"));
    }

    private static void aTemplateWithItsPreview(WebDriver browser) {
        click(browser, browser.findElement(By.cssSelector("[data-action='add'][data-path='/templates']")));
        type(browser, "/templates/0/key", "completed");
        type(browser, "/templates/0/es/subject", "{{number}} terminada");
        type(browser, "/templates/0/es/body", "Hola {{recipient}}: {{title}} está {{statusName}}.");
        var preview = await(browser, By.cssSelector("[data-extra='/templates/0'] .adm-mail[lang='es']"));
        assertEquals("WO-1042 terminada", preview.findElement(By.className("adm-mail-subject")).getText());
        assertEquals("Hola Ana García: La lavadora pierde agua está En curso.",
                preview.findElement(By.className("adm-mail-body")).getText());
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", preview);
    }

    private static void strategiesAndChannels(WebDriver browser) {
        var enabled = browser.findElements(By.cssSelector("[data-path$='/enabled']:checked")).size();
        assertEquals(2, enabled, "a sign-up enables least-loaded and round-robin");
        await(browser, By.cssSelector("tr[data-channel='inapp']"));
    }

    @Test
    void onAPhoneTheEditorsFitTheScreen() {
        var browser = chromium("es-ES", true);
        try {
            signIn(browser, adminEmail);
            browser.get(It.BASE_URL + "/portal/admin/forms");
            await(browser, By.cssSelector("[data-editor='forms'] orden-form-preview"));
            assertEquals("Formularios", browser.findElement(By.tagName("h1")).getText());
            fitsTheScreen(browser);
            // On a phone the preview goes under the form instead of beside it.
            var form = browser.findElement(By.className("adm-form")).getRect();
            var preview = browser.findElement(By.className("adm-preview")).getRect();
            assertTrue(preview.getY() >= form.getY() + form.getHeight(), "preview below the form: " + preview + form);
            screenshot(browser, "admin-forms-es-phone");
            browser.get(It.BASE_URL + "/portal/admin");
            await(browser, By.cssSelector("orden-admin-home .adm-versions"));
            fitsTheScreen(browser);
        } finally {
            browser.quit();
        }
    }

    static void fitsTheScreen(WebDriver browser) {
        var widths = ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]").toString();
        var parts = widths.replaceAll("[\\[\\] ]", "").split(",");
        assertTrue(Integer.parseInt(parts[0]) <= Integer.parseInt(parts[1]), "no sideways scrolling: " + widths);
        assertTrue(Integer.parseInt(parts[1]) <= 400, () -> "a phone's width: " + widths + ", beyond 390 px: "
                + ((JavascriptExecutor) browser).executeScript("document.documentElement.style.width = '390px';"
                        + "const wide = e => e.getBoundingClientRect().right > 391;"
                        + "return [...document.querySelectorAll('body *')]"
                        + ".filter(e => wide(e) && ![...e.children].some(wide))"
                        + ".slice(0, 4).map(e => e.outerHTML.slice(0, 160))"));
    }

    @Test
    void aMemberWhoIsNoAdminFindsNoSettings() {
        Api.as(agentEmail, PASSWORD).get("/admin/config").problem(403, null);
        var browser = chromium("en-US", false);
        try {
            signIn(browser, agentEmail);
            assertTrue(browser.findElements(By.cssSelector("#nav a[href='/portal/admin']")).isEmpty(),
                    "no Settings link");
            browser.get(It.BASE_URL + "/portal/admin/fields");
            var page = await(browser, By.cssSelector("[data-view='not-found']"));
            assertEquals("Not found", page.findElement(By.tagName("h1")).getText());
            browser.get(It.BASE_URL + "/portal/admin");
            await(browser, By.cssSelector("[data-view='not-found']"));
        } finally {
            browser.quit();
        }
    }

    private static int indexOf(List<JsonObject> items, String key) {
        for (int i = 0; i < items.size(); i++) if (items.get(i).getString("key").equals(key)) return i;
        throw new AssertionError("no " + key + " in " + items);
    }

    static void editor(WebDriver browser, String name) {
        var link = By.cssSelector(".adm-nav a[href='/portal/admin/" + name + "']");
        // The page may be drawn again (language, live changes) between finding the link and clicking it.
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    click(d, await(d, link));
                    return true;
                });
        await(browser, By.cssSelector("[data-editor='" + name + "']"));
    }

    /** Unsaved changes: leaving asks first (here in Spanish), and goes on when confirmed. */
    private static void leaveUnsaved(WebDriver browser, String name) {
        click(browser, await(browser, By.cssSelector(".adm-nav a[href='/portal/admin/" + name + "']")));
        var alert = new WebDriverWait(browser, WAIT).until(ExpectedConditions.alertIsPresent());
        assertEquals("Tienes cambios sin guardar. ¿Salir de esta página y perderlos?", alert.getText());
        alert.accept();
        await(browser, By.cssSelector("[data-editor='" + name + "']"));
    }

    /** Scrolled to the middle first, so that the sticky save bar never takes the click. */
    static void click(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    static void home(WebDriver browser) {
        click(browser, await(browser, By.cssSelector(".adm-nav a[href='/portal/admin']")));
        await(browser, By.cssSelector("orden-admin-home .adm-versions"));
    }

    static void save(WebDriver browser) {
        click(browser, await(browser, By.cssSelector("[data-save]")));
    }

    /** Replaces what the control at {@code path} holds, key by key (so the page sees every input event). */
    static void type(WebDriver browser, String path, String text) {
        var input = await(browser, By.cssSelector("[data-path='" + path + "']"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** The error message a control is described by. */
    static String errorOf(WebDriver browser, WebElement control) {
        for (var id : control.getAttribute("aria-describedby").split(" ")) {
            var described = browser.findElement(By.id(id));
            if (described.getAttribute("class").contains("adm-error")) return described.getText();
        }
        throw new AssertionError("no error describes " + control.getAttribute("data-path"));
    }

    static void signIn(WebDriver browser, String username) {
        browser.get(It.BASE_URL + "/portal/");
        Browsers.logIn(browser, username, PASSWORD);
        await(browser, By.cssSelector("orden-orders h1"));
        await(browser, By.cssSelector("orden-orders .empty, orden-orders .orders"));
    }


    private static void awaitText(WebDriver browser, By locator, String text) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(locator, text));
    }

    private static void screenshot(WebDriver browser, String name) {
        Browsers.screenshot(browser, name);
    }

    private static ChromeDriver chromium(String language, boolean phone) {
        return Browsers.chromium(language, phone, 1280, 1000);
    }
}
