package dev.orden.it;

import static dev.orden.it.Browsers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The fields editor's condition builder in headless Chromium, on a tenant of its own whose general type has the
 * fields {@code kind} (a select) and {@code floor} (a number): the admin builds "floor is shown when kind is leak"
 * and "required when all of: kind is leak, kind has a value" from the keyboard with field, operator and value rows,
 * sees the same JSON behind the raw toggle, saves, and the draft holds exactly the JSON the server evaluates; the
 * form preview hides and shows the field as kind changes. A nested condition stays in the JSON box. In Spanish.
 */
class ConditionBuilderPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static People.Tenant tenant;

    @BeforeAll
    static void aTenantWithTwoFields() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
        tenant = People.signUp("cond");
        var bundle = Configs.active(tenant.admin()).getJsonObject("bundle");
        var kind = json("{'key':'kind','type':'select','label':{'es':'Tipo','en':'Kind'},'options':["
                + "{'value':'leak','label':{'es':'Fuga','en':'Leak'}},{'value':'noise','label':{'es':'Ruido','en':'Noise'}}]}");
        var floor = json("{'key':'floor','type':'number','label':{'es':'Planta','en':'Floor'}}");
        var types = Json.createArrayBuilder();
        bundle.getJsonArray("types").getValuesAs(JsonObject.class).forEach(type -> types.add(
                type.getString("key").equals("general")
                        ? Json.createObjectBuilder(type).add("fields", Json.createArrayBuilder().add("kind").add("floor"))
                                .build()
                        : type));
        var forms = Json.createArrayBuilder();
        bundle.getJsonArray("forms").getValuesAs(JsonObject.class).forEach(form -> forms.add(
                form.getString("key").equals("general_requester")
                        ? Json.createObjectBuilder(form).add("sections", Json.createArrayBuilder().add(json(
                                "{'title':{'es':'Avería','en':'Fault'},'fields':[{'key':'kind'},{'key':'floor'}]}")))
                                .build()
                        : form));
        Configs.publish(tenant.admin(), Json.createObjectBuilder(bundle)
                .add("fields", Json.createArrayBuilder().add(kind).add(floor)).add("types", types).add("forms", forms)
                .build());
    }

    @AfterAll
    static void forget() {
        EventStream.letServersDropClosedStreams();
        People.forgetAll();
    }

    @Test
    void theAdminBuildsConditionsWithRowsAndThePreviewFollowsThem() {
        var browser = Browsers.chromium("en-US", false, 1280, 1000);
        try {
            signIn(browser);
            browser.get(It.BASE_URL + "/portal/admin/fields");
            await(browser, By.cssSelector("[data-editor='fields']"));
            click(browser, await(browser, By.cssSelector("[data-row='/1'] > summary")));
            var shown = await(browser, By.cssSelector("[data-condition='/1/visibleWhen']"));
            assertEquals("Shown when", shown.findElement(By.tagName("legend")).getText());
            assertEquals("Always (no condition).", shown.findElement(By.className("adm-hint")).getText());

            // From the keyboard: the add button, then each row's selects.
            press(browser, By.cssSelector("[data-action='cond-add'][data-path='/1/visibleWhen']"), Keys.ENTER);
            var field = await(browser, By.id("cond-1-visibleWhen-0-field"));
            assertEquals(field, browser.switchTo().activeElement(), "the new row's field has the focus");
            assertEquals("kind", new Select(field).getFirstSelectedOption().getDomAttribute("value"));
            assertEquals("equals", new Select(await(browser, By.id("cond-1-visibleWhen-0-op")))
                    .getFirstSelectedOption().getDomAttribute("value"));
            new Select(await(browser, By.id("cond-1-visibleWhen-0-value"))).selectByValue("leak");
            await(browser, By.cssSelector(".adm-state[data-state='unsaved']"));

            press(browser, By.cssSelector("[data-action='cond-raw'][data-path='/1/visibleWhen']"), Keys.ENTER);
            var raw = await(browser, By.cssSelector("textarea[data-path='/1/visibleWhen']"));
            assertEquals(json("{'field':'kind','equals':'leak'}"), json(raw.getDomProperty("value")));
            press(browser, By.cssSelector("[data-action='cond-raw'][data-path='/1/visibleWhen']"), Keys.ENTER);
            await(browser, By.id("cond-1-visibleWhen-0-field"));

            press(browser, By.cssSelector("[data-action='cond-add'][data-path='/1/requiredWhen']"), Keys.ENTER);
            new Select(await(browser, By.id("cond-1-requiredWhen-0-value"))).selectByValue("leak");
            press(browser, By.cssSelector("[data-action='cond-add'][data-path='/1/requiredWhen']"), Keys.ENTER);
            new Select(await(browser, By.id("cond-1-requiredWhen-1-op"))).selectByValue("notEmpty");
            assertTrue(browser.findElements(By.id("cond-1-requiredWhen-1-value")).isEmpty(), "no value to give");
            assertEquals("all", new Select(await(browser, By.id("cond-1-requiredWhen-mode")))
                    .getFirstSelectedOption().getDomAttribute("value"));
            screenshot(browser, "admin-condition-builder");
            click(browser, browser.findElement(By.cssSelector("[data-save]")));
            await(browser, By.cssSelector(".adm-state[data-state='saved']"));

            var floor = draftFields().get(1);
            assertEquals(json("{'field':'kind','equals':'leak'}"), floor.getJsonObject("visibleWhen"));
            assertEquals(json("{'all':[{'field':'kind','equals':'leak'},{'field':'kind','notEmpty':true}]}"),
                    floor.getJsonObject("requiredWhen"));
            assertTrue(browser.findElements(By.cssSelector("[aria-invalid='true']")).isEmpty(), "the server agrees");

            browser.get(It.BASE_URL + "/portal/admin/forms");
            await(browser, By.cssSelector("[data-editor='forms']"));
            var preview = await(browser, By.cssSelector("orden-form-preview [data-field='kind']"));
            var floorBox = browser.findElement(By.cssSelector("orden-form-preview [data-field='floor']"));
            assertFalse(floorBox.isDisplayed(), "hidden while kind is not leak");
            new Select(preview.findElement(By.tagName("select"))).selectByValue("leak");
            new WebDriverWait(browser, WAIT).until(d -> floorBox.isDisplayed());
            assertTrue(floorBox.findElement(By.cssSelector("[data-required-mark]")).isDisplayed(), "and required");
            new Select(preview.findElement(By.tagName("select"))).selectByValue("noise");
            new WebDriverWait(browser, WAIT).until(d -> !floorBox.isDisplayed());
        } finally {
            browser.quit();
        }
    }

    @Test
    void aNestedConditionStaysJsonAndTheBuilderSpeaksSpanish() {
        var browser = Browsers.chromium("es-ES", false, 1280, 1000);
        try {
            signIn(browser);
            browser.get(It.BASE_URL + "/portal/admin/fields");
            click(browser, await(browser, By.cssSelector("[data-row='/0'] > summary")));
            var box = await(browser, By.cssSelector("[data-condition='/0/visibleWhen']"));
            assertEquals("Se muestra si", box.findElement(By.tagName("legend")).getText());
            press(browser, By.cssSelector("[data-action='cond-add'][data-path='/0/visibleWhen']"), Keys.ENTER);
            assertEquals("Añadir una condición", await(browser, By.cssSelector(
                    "[data-action='cond-add'][data-path='/0/visibleWhen']")).getText());
            new Select(await(browser, By.id("cond-0-visibleWhen-0-op"))).selectByValue("in");
            var number = await(browser, By.id("cond-0-visibleWhen-0-value"));
            number.sendKeys("1, 2");
            press(browser, By.cssSelector("[data-action='cond-raw'][data-path='/0/visibleWhen']"), Keys.ENTER);
            var raw = await(browser, By.cssSelector("textarea[data-path='/0/visibleWhen']"));
            assertEquals(json("{'field':'floor','in':[1,2]}"), json(raw.getDomProperty("value")),
                    "numbers for a number field");
            raw.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            raw.sendKeys("{\"not\": {\"field\": \"floor\", \"empty\": true}}");
            press(browser, By.cssSelector("[data-action='cond-raw'][data-path='/0/visibleWhen']"), Keys.ENTER);
            var note = await(browser, By.cssSelector("[data-condition='/0/visibleWhen'] .adm-cond-note"));
            assertTrue(note.getText().contains("JSON"), note.getText());
            assertEquals("json", browser.findElement(By.cssSelector("[data-condition='/0/visibleWhen']"))
                    .getDomAttribute("data-view"));
            screenshot(browser, "admin-condition-json-es");
        } finally {
            browser.quit();
        }
    }

    private static List<JsonObject> draftFields() {
        return tenant.admin().get("/admin/config/draft").expect(200).json().getJsonObject("bundle")
                .getJsonArray("fields").getValuesAs(JsonObject.class);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static void signIn(WebDriver browser) {
        browser.get(It.BASE_URL + "/portal/");
        Browsers.logIn(browser, tenant.adminEmail(), People.PASSWORD);
        await(browser, By.cssSelector("orden-orders h1"));
    }

    /** Focuses the element and presses a key on it, as a keyboard user would. */
    private static void press(WebDriver browser, By locator, CharSequence key) {
        var element = await(browser, locator);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});"
                + " arguments[0].focus()", element);
        browser.switchTo().activeElement().sendKeys(key);
    }

    private static void click(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }


    private static void screenshot(WebDriver browser, String name) {
        Browsers.screenshot(browser, name);
    }
}
