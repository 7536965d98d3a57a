package dev.orden.it;

import static dev.orden.it.Browsers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One renderer draws the tenant's fields: on a tenant of its own whose requester form has a field of every type (one
 * shown only when a box is ticked, one with help, several required), the form editor's live preview and the
 * requester's new-order form are read the same way — each field's label, required mark, help, controls and options,
 * whether it shows — and must be equal, first as drawn, then after ticking the box and typing a bad e-mail address
 * (the conditional field appears, required, and the same error message shows under the e-mail field in both).
 */
class FormRendererPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> TYPES = List.of("text", "longtext", "number", "money", "date", "datetime",
            "boolean", "select", "multiselect", "user", "email", "phone", "url", "location", "attachment");
    /** What a drawn field is, as a person reads it: the same in the preview and in the requester's form. */
    private static final String READ_FIELDS = """
            const text = node => (node?.textContent ?? '').replace(/\\s+/g, ' ').trim();
            return [...arguments[0].querySelectorAll('.form-section')].map(section => ({
              title: text(section.querySelector('h2, h3')),
              fields: [...section.querySelectorAll('[data-field]')].map(block => ({
                key: block.dataset.field, type: block.dataset.type, shown: !block.hidden,
                label: text(block.querySelector(':scope > label, :scope > legend')),
                required: !block.querySelector('[data-required-mark]').hidden,
                help: text(block.querySelector('.help')), error: text(block.querySelector('[data-error-for]')),
                controls: [...block.querySelectorAll('input, select, textarea')].map(control => [control.tagName,
                  control.type, control.name, control.value, control.checked, control.disabled, control.required,
                  text(control.labels?.[0]), [...(control.options ?? [])].map(o => o.value + '=' + text(o))].join('|')),
              })),
            }));""";

    private static People.Tenant tenant;
    private static String requesterEmail;

    @BeforeAll
    static void aFormWithEveryFieldType() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
        tenant = People.signUp("render");
        requesterEmail = People.email("render-req");
        var id = tenant.admin().post("/members", People.invitation(requesterEmail, "Rita Render", "requester"))
                .expect(201).json().getString("id");
        People.choosePassword(id, People.PASSWORD);

        var bundle = Configs.active(tenant.admin()).getJsonObject("bundle");
        var fields = Json.createArrayBuilder();
        var keys = Json.createArrayBuilder();
        var onForm = Json.createArrayBuilder();
        for (var type : TYPES) {
            var key = "f" + Character.toUpperCase(type.charAt(0)) + type.substring(1);
            fields.add(definition(type, key));
            keys.add(key);
            onForm.add(Json.createObjectBuilder().add("key", key));
        }
        Configs.publish(tenant.admin(), Json.createObjectBuilder(bundle).add("fields", fields)
                .add("types", replaced(bundle, "types", "general", type -> type.add("fields", keys)))
                .add("forms", replaced(bundle, "forms", "general_requester", form -> form.add("sections",
                        Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("title", json("{'es':'Todo','en':'Everything'}")).add("fields", onForm)))))
                .build());
    }

    @AfterAll
    static void forget() {
        EventStream.letServersDropClosedStreams();
        People.forgetAll();
    }

    /** A field of the type: selects with options, money with its currency, the date shown only when boolean ticks. */
    private static JsonObject definition(String type, String key) {
        var field = Json.createObjectBuilder().add("key", key).add("type", type)
                .add("label", Json.createObjectBuilder().add("es", "Campo " + type).add("en", "Field " + type));
        switch (type) {
            case "text" -> field.add("required", true).add("maxLength", 40)
                    .add("help", json("{'es':'Unas palabras','en':'A few words'}"));
            case "select", "multiselect" -> field.add("required", type.equals("select")).add("options", json(
                    "{'o':[{'value':'a','label':{'es':'Uno','en':'One'}},{'value':'b','label':{'es':'Dos','en':'Two'}}]}")
                    .getJsonArray("o"));
            case "money" -> field.add("currency", "EUR");
            case "number" -> field.add("decimals", 0).add("min", 1);
            case "date" -> field.add("visibleWhen", json("{'field':'fBoolean','equals':true}"))
                    .add("requiredWhen", json("{'field':'fBoolean','equals':true}"));
            case "location" -> field.add("required", true);
            default -> { }
        }
        return field.build();
    }

    @Test
    void thePreviewDrawsWhatTheRequesterGets() {
        List<?> preview;
        List<?> previewFilled;
        var admin = Browsers.chromium("en-US", false, 1280, 1600);
        try {
            signIn(admin, tenant.adminEmail());
            admin.get(It.BASE_URL + "/portal/admin/forms");
            var root = await(admin, By.cssSelector("orden-form-preview .pv-form"));
            await(admin, By.cssSelector("orden-form-preview [data-field='fText']"));
            preview = read(admin, root);
            fillIn(admin, "orden-form-preview", "pv-");
            previewFilled = read(admin, root);
            Browsers.screenshot(admin, "admin-forms-preview");
        } finally {
            admin.quit();
        }
        var requester = Browsers.chromium("en-US", false, 1280, 2000);
        try {
            signIn(requester, requesterEmail);
            requester.get(It.BASE_URL + "/portal/new");
            var root = await(requester, By.cssSelector("form.order-form[data-type='general']"));
            await(requester, By.cssSelector("[data-field='fText']"));
            assertEquals(preview, read(requester, root), "the requester's form, as the preview drew it");
            assertEverything(preview);
            fillIn(requester, "orden-new-order", "");
            var filled = read(requester, root);
            assertEquals(previewFilled, filled, "the same after ticking the box and typing a bad address");
            var date = field(filled, "fDate");
            assertEquals(true, date.get("shown"));
            assertEquals(true, date.get("required"));
            assertEquals("Enter an e-mail address, such as name@example.com.", field(filled, "fEmail").get("error"));
        } finally {
            requester.quit();
        }
    }

    /** Every type once, in order, with its label, the conditional date hidden and the marks where required. */
    private static void assertEverything(List<?> drawn) {
        assertEquals(1, drawn.size());
        var section = (Map<?, ?>) drawn.getFirst();
        assertEquals("Everything", section.get("title"));
        var fields = (List<?>) section.get("fields");
        assertEquals(TYPES, fields.stream().map(f -> ((Map<?, ?>) f).get("type")).toList());
        var text = field(drawn, "fText");
        assertEquals("Field text *(required)", text.get("label"));
        assertEquals("A few words", text.get("help"));
        assertEquals(true, field(drawn, "fLocation").get("required"));
        assertEquals(false, field(drawn, "fUrl").get("required"));
        assertEquals(false, field(drawn, "fDate").get("shown"), "shown only when the box is ticked");
        var select = ((List<?>) field(drawn, "fSelect").get("controls")).getFirst().toString();
        assertTrue(select.endsWith("|=— Choose —,a=One,b=Two"), select);
        assertEquals(2, ((List<?>) field(drawn, "fMultiselect").get("controls")).size());
        assertEquals(3, ((List<?>) field(drawn, "fLocation").get("controls")).size(), "address, latitude, longitude");
        assertFalse(field(drawn, "fMoney").get("controls").toString().isEmpty());
    }

    private static Map<?, ?> field(List<?> drawn, String key) {
        return drawn.stream().flatMap(s -> ((List<?>) ((Map<?, ?>) s).get("fields")).stream()).map(f -> (Map<?, ?>) f)
                .filter(f -> key.equals(f.get("key"))).findFirst().orElseThrow(() -> new AssertionError(key));
    }

    /** Ticks the box (the date appears) and types a bad e-mail address, leaving the field: it is checked. */
    private static void fillIn(WebDriver browser, String host, String scope) {
        browser.findElement(By.cssSelector(host + " #" + scope + "f-fBoolean")).sendKeys(Keys.SPACE);
        await(browser, By.cssSelector(host + " #" + scope + "f-fDate"));
        var email = browser.findElement(By.cssSelector(host + " #" + scope + "f-fEmail"));
        email.sendKeys("not-an-address");
        email.sendKeys(Keys.TAB);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(email, "aria-invalid", "true"));
    }

    private static List<?> read(WebDriver browser, WebElement root) {
        return (List<?>) ((JavascriptExecutor) browser).executeScript(READ_FIELDS, root);
    }

    private static JsonArrayBuilder replaced(JsonObject bundle, String part, String key,
                                             java.util.function.UnaryOperator<jakarta.json.JsonObjectBuilder> change) {
        var out = Json.createArrayBuilder();
        bundle.getJsonArray(part).getValuesAs(JsonObject.class).forEach(item -> out.add(
                item.getString("key").equals(key) ? change.apply(Json.createObjectBuilder(item)).build() : item));
        return out;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static void signIn(WebDriver browser, String email) {
        Browsers.signIn(browser, email, People.PASSWORD, By.cssSelector("orden-orders h1"));
    }

}
