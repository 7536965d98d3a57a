package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent edits an order's attachment field on the staff order page in a real headless Chromium: picks a photo
 * (staged at once), takes the requester's photo out of the field, saves; the API then shows the field naming only
 * the new file, which is one of the order's files, while the old one stays among the order's files. A second save
 * that names a file the server refuses shows the problem on the field.
 */
class AttachmentFieldsPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BLOCK = "[data-edit] [data-field='" + Uploads.FIELD + "']";

    static Api admin;
    static int versionBefore;

    @BeforeAll
    static void damageTypeWithAnAgentForm() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
        admin = Api.as(It.ACME_ADMIN);
        versionBefore = Uploads.publishDamageType(admin, true);
    }

    @AfterAll
    static void rollBack() {
        if (admin != null) Configs.rollback(admin, versionBefore);
        EventStream.letServersDropClosedStreams();
    }

    @Test
    void anAgentAddsAndRemovesTheFilesOfAnAttachmentField() throws IOException {
        var requester = Api.as(It.ACME_REQUESTER);
        var before = Uploads.stage(requester, "antes.png", "image/png", Uploads.png(31, 2000)).expect(201).json();
        var order = WorkOrders.create(requester, WorkOrders.order("La ventana rota").add("type", Uploads.TYPE)
                .add("customFields", Json.createObjectBuilder().add(Uploads.FIELD,
                        Json.createArrayBuilder().add(Uploads.ref(before.getString("id"))))));
        var number = order.getString("number");
        var oldId = fileIds(order).getFirst();
        var photo = Files.createTempDirectory("orden-field").resolve("despues.png");
        Files.write(photo, Uploads.png(32, 90_000));

        var browser = Browsers.chromium("en-US", false, 1280, 1000);
        try {
            AttachmentsPortalIT.signInAt(browser, It.ACME_AGENT, "/portal/workorders/" + number);
            var kept = await(browser, By.cssSelector(BLOCK + " li[data-attachment-id]"));
            assertEquals(oldId, kept.getDomAttribute("data-attachment-id"));
            assertTrue(kept.getText().contains("antes.png"), kept.getText());

            browser.findElement(By.cssSelector(BLOCK + " input[type=file]")).sendKeys(photo.toString());
            var staged = await(browser, By.cssSelector(BLOCK + " li[data-upload-id]"));
            assertTrue(staged.getText().contains("despues.png") && staged.getText().contains("87.9 KB"),
                    staged.getText());
            click(browser, By.cssSelector(BLOCK + " li[data-attachment-id] [data-unstage]"));
            Browsers.screenshot(browser, "staff-order-attachment-field");
            click(browser, By.cssSelector("[data-edit] button[type=submit]"));
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-message='edit']"), "Saved"));

            var agent = Api.as(It.ACME_AGENT);
            var value = WorkOrders.get(agent, number).getJsonObject("customFields").getJsonArray(Uploads.FIELD)
                    .getValuesAs(JsonObject.class);
            assertEquals(1, value.size(), value.toString());
            assertEquals("despues.png", value.getFirst().getString("name"));
            var files = agent.get("/workorders/" + number + "/attachments").expect(200).objects();
            assertEquals(List.of("antes.png", "despues.png"), files.stream().map(f -> f.getString("name")).sorted()
                    .toList(), "taken out of the field, the old file is still the order's");
            var added = files.stream().filter(f -> f.getString("name").equals("despues.png")).findFirst().orElseThrow();
            assertEquals(added.getString("id"), value.getFirst().getString("id"));
            assertEquals(90_000, added.getJsonNumber("size").longValue());
            new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(b -> added
                    .getString("id").equals(b.findElement(By.cssSelector(BLOCK + " li[data-attachment-id]"))
                            .getDomAttribute("data-attachment-id")));

            // Emptied, the required field is refused before anything is sent, and the page says so on the field.
            click(browser, By.cssSelector(BLOCK + " li[data-attachment-id] [data-unstage]"));
            click(browser, By.cssSelector("[data-edit] button[type=submit]"));
            new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(b -> b
                    .findElement(By.id("e-" + Uploads.FIELD)).getText().equals("This field is required."));
            assertEquals(1, WorkOrders.get(agent, number).getJsonObject("customFields").getJsonArray(Uploads.FIELD)
                    .size(), "nothing changed");
        } finally {
            browser.quit();
        }
    }

    private static List<String> fileIds(JsonObject order) {
        return order.getJsonObject("customFields").getJsonArray(Uploads.FIELD).getValuesAs(JsonObject.class).stream()
                .map(f -> f.getString("id")).toList();
    }

    /** Clicks what the locator finds, again if a live redraw replaced it in between. */
    private static void click(WebDriver browser, By locator) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(b -> {
            ((ChromeDriver) b).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
                    b.findElement(locator));
            return true;
        });
    }

    private static WebElement await(WebDriver browser, By locator) {
        return Browsers.awaitPresent(browser, locator);
    }
}
