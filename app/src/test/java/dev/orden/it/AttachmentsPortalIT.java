package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The order page's files in a real headless Chromium: a requester picks a photo with the file input, sees it
 * listed (and named in the history, which the live stream redraws without losing the list), and sees why the
 * EICAR test file is refused. On a 390 px phone the section fits the screen.
 */
class AttachmentsPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void portalMaySignIn() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
    }

    @AfterAll
    static void closedStreamsDropped() {
        EventStream.letServersDropClosedStreams();
    }

    @Test
    void aRequesterUploadsAPhotoAndSeesItListed() throws IOException {
        var order = create(Api.as(It.ACME_REQUESTER), order("La puerta del horno no cierra").add("type", "general"));
        var number = order.getString("number");
        var dir = Files.createTempDirectory("orden-upload");
        var photo = dir.resolve("horno-puerta.png");
        try (var png = AttachmentsIT.png(11, 300_000)) {
            Files.write(photo, png.readAllBytes());
        }
        var eicar = dir.resolve("eicar.txt");
        Files.writeString(eicar, AttachmentsIT.EICAR, StandardCharsets.US_ASCII);
        var browser = chromium(false);
        try {
            signIn(browser);
            browser.get(It.BASE_URL + "/portal/workorders/" + number);
            await(browser, By.cssSelector(".order-page[data-order='" + number + "'] orden-attachments .dropzone"));
            assertTrue(browser.findElement(By.id("files-title")).getText().equals("Files"));

            input(browser).sendKeys(photo.toString());
            // The live stream may draw the list again at any moment: the text is read from the element there now.
            new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector(".attachments .file[data-file='horno-puerta.png']"))
                            .getText().contains("293 KB"));
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.className("timeline"), "added the file horno-puerta.png"));
            await(browser, By.cssSelector(".attachments .file[data-file='horno-puerta.png']"));
            var files = Api.as(It.ACME_REQUESTER).get("/workorders/" + number + "/attachments").expect(200).objects();
            assertEquals(300_000, files.getFirst().getJsonNumber("size").longValue());

            input(browser).sendKeys(eicar.toString());
            var refused = await(browser, By.cssSelector("[data-upload='failed'] .upload-error"));
            assertTrue(refused.getText().contains("eicar.txt") && refused.getText().contains("Eicar-Test-Signature"),
                    refused.getText());
            screenshot(browser, "order-attachments");
        } finally {
            browser.quit();
        }
        var phone = chromium(true);
        try {
            signIn(phone);
            phone.get(It.BASE_URL + "/portal/workorders/" + number);
            await(phone, By.cssSelector(".attachments .file[data-file='horno-puerta.png']"));
            var widths = ((ChromeDriver) phone).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth && window.innerWidth <= 400");
            assertEquals(Boolean.TRUE, widths, "no sideways scrolling on a phone");
            ((ChromeDriver) phone).executeScript("document.querySelector('orden-attachments').scrollIntoView()");
            screenshot(phone, "order-attachments-es-phone");
        } finally {
            phone.quit();
        }
    }

    /** Staff see every file of the order, an internal comment's too, and download one with their token. */
    @Test
    void anAgentSeesTheOrdersFilesOnTheStaffPageAndDownloadsOne() {
        var requester = Api.as(It.ACME_REQUESTER);
        var agent = Api.as(It.ACME_AGENT);
        var number = create(requester, order("El grifo gotea").add("type", "general")).getString("number");
        AttachmentsIT.uploadTo(requester, number, "", "grifo.png").expect(201);
        var note = WorkOrders.comment(agent, number, "foto del contador", "INTERNAL").expect(201).json().getString("id");
        AttachmentsIT.uploadTo(agent, number, "?comment=" + note, "contador.png").expect(201);
        var uploader = agent.get("/workorders/" + number + "/attachments").expect(200).objects().stream()
                .filter(f -> f.getString("name").equals("grifo.png")).findFirst().orElseThrow()
                .getJsonObject("uploadedBy").getString("name");
        var browser = chromium(false);
        try {
            signInAt(browser, It.ACME_AGENT, "/portal/workorders/" + number);
            await(browser, By.cssSelector(".staff-order[data-order='" + number + "'] .file[data-file='contador.png']"));
            var file = await(browser, By.cssSelector(".staff-order .attachments .file[data-file='grifo.png']"));
            assertTrue(file.getText().contains("4.9 KB") && file.getText().contains("image/png")
                    && file.getText().contains(uploader), file.getText());

            var js = (ChromeDriver) browser;
            js.executeScript("window.saved = null; const make = URL.createObjectURL;"
                    + "URL.createObjectURL = blob => { window.saved = blob.size + ' ' + blob.type; return make(blob); };");
            js.executeScript("arguments[0].click()", file.findElement(By.cssSelector("a[data-download]")));
            new WebDriverWait(browser, WAIT).until(b -> "5000 image/png".equals(js.executeScript("return window.saved")));
            js.executeScript("document.querySelector('orden-attachments').scrollIntoView()");
            screenshot(browser, "staff-order-attachments");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aRequesterMeetsARequiredAttachmentFieldByPickingFilesInTheNewOrderForm() throws IOException {
        var admin = Api.as(It.ACME_ADMIN);
        int before = Uploads.publishDamageType(admin);
        var dir = Files.createTempDirectory("orden-staged");
        var photo = dir.resolve("puerta-abollada.png");
        try (var png = AttachmentsIT.png(21, 120_000)) {
            Files.write(photo, png.readAllBytes());
        }
        var browser = chromium(false);
        try {
            signIn(browser);
            browser.get(It.BASE_URL + "/portal/new");
            new org.openqa.selenium.support.ui.Select(await(browser, By.id("f-type"))).selectByValue(Uploads.TYPE);
            var input = await(browser, By.cssSelector("form[data-type='damage'] input#f-damagePhotos[type=file]"));
            assertTrue(input.getDomAttribute("multiple") != null, "up to 3 files");
            browser.findElement(By.id("f-title")).sendKeys("La puerta llegó abollada");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            // Required on the client as on the server: nothing is sent without a file.
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("e-damagePhotos"), "This field is required."));

            // A file larger than the tenant allows is refused in the browser, with the size, and never sent.
            var limit = Api.as(It.ACME_REQUESTER).get("/attachments/limits").expect(200).json()
                    .getJsonNumber("maxFileSize").longValue();
            var huge = dir.resolve("plano-enorme.pdf");
            try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
                file.setLength(limit + 1);
            }
            input.sendKeys(huge.toString());
            var refused = await(browser, By.cssSelector("[data-field='damagePhotos'] li[data-upload='failed']"));
            assertEquals("plano-enorme.pdf was not added: it is larger than " + megabytes(limit), refused.getText());
            assertEquals(0L, ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType"
                    + "('resource').filter(entry => entry.name.includes('plano-enorme')).length"), "nothing sent");
            Files.delete(huge);

            input.sendKeys(photo.toString());
            var staged = await(browser, By.cssSelector("[data-field='damagePhotos'] li[data-upload-id]"));
            assertTrue(staged.getText().contains("puerta-abollada.png"), staged.getText());
            assertEquals("", browser.findElement(By.id("e-damagePhotos")).getText());
            screenshot(browser, "new-order-files");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            var number = await(browser, By.cssSelector(".order-page[data-order^='DMG-']")).getDomAttribute("data-order");
            await(browser, By.cssSelector(".attachments .file[data-file='puerta-abollada.png']"));

            var requester = Api.as(It.ACME_REQUESTER);
            var value = WorkOrders.get(requester, number).getJsonObject("customFields").getJsonArray(Uploads.FIELD);
            var files = requester.get("/workorders/" + number + "/attachments").expect(200).objects();
            assertEquals(1, files.size(), files.toString());
            assertEquals(files.getFirst().getString("id"), value.getJsonObject(0).getString("id"));
            assertEquals("puerta-abollada.png", value.getJsonObject(0).getString("name"));
            assertEquals(120_000, files.getFirst().getJsonNumber("size").longValue());
            var detail = await(browser, By.cssSelector(".order-page [data-value-of='damagePhotos'] li"));
            assertEquals("puerta-abollada.png", detail.getText(), "the requester sees the field's files by name");
            assertEquals(files.getFirst().getString("id"), detail.getDomAttribute("data-attachment-id"));
            browser.quit();

            // The staff's order page shows the field's value as the order's files.
            browser = chromium(false);
            signInAt(browser, It.ACME_AGENT, "/portal/workorders/" + number);
            var shown = await(browser, By.cssSelector(".staff-order .field-files li"));
            assertEquals("puerta-abollada.png", shown.getText());
            assertEquals(files.getFirst().getString("id"), shown.getDomAttribute("data-attachment-id"));
        } finally {
            browser.quit();
            Configs.rollback(admin, before);
        }
    }

    /** Bytes as the portal shows a size in English: 25 MB, 1.5 MB. */
    private static String megabytes(long bytes) {
        return new java.text.DecimalFormat("0.#", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH))
                .format(bytes / 1024.0 / 1024.0) + " MB";
    }

    private static WebElement input(WebDriver browser) {
        return browser.findElement(By.cssSelector("orden-attachments input[type=file]"));
    }

    /** Opens {@code path} and signs in there as {@code username}. */
    static void signInAt(WebDriver browser, String username, String path) {
        browser.get(It.BASE_URL + path);
        Browsers.logIn(browser, username, It.DEMO_PASSWORD);
    }

    private static void signIn(WebDriver browser) {
        signInAt(browser, It.ACME_REQUESTER, "/portal/");
        await(browser, By.cssSelector("orden-orders .orders, orden-orders .empty"));
    }

    private static WebElement await(WebDriver browser, By locator) {
        return Browsers.awaitPresent(browser, locator);
    }

    private static void screenshot(WebDriver browser, String name) {
        Browsers.screenshot(browser, name);
    }

    private static ChromeDriver chromium(boolean phone) {
        return Browsers.chromium(phone ? "es-ES" : "en-US", phone, 1280, 1000);
    }
}
