package dev.orden.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The browser ITs' headless Chromium and their screenshots, the same for every portal test. */
final class Browsers {

    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final String CHROMIUM = System.getProperty("orden.it.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("orden.it.chromedriver", "/usr/bin/chromedriver");

    private Browsers() {}

    /**
     * The system's Chromium through the system's chromedriver (both paths given, so Selenium Manager never downloads
     * anything), in {@code language}: a 390 px phone, or a desktop window of {@code width} × {@code height}.
     */
    static ChromeDriver chromium(String language, boolean phone, int width, int height) {
        return chromium(language, phone, width, height, ZoneId.systemDefault());
    }

    /** As above, with the browser's clock in {@code zone}, as for a user who sits in a tenant's zone. */
    static ChromeDriver chromium(String language, boolean phone, int width, int height, ZoneId zone) {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .withEnvironment(Map.of("TZ", zone.getId())).build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        if (phone) {
            // A window is at least 500 px wide, even headless: a phone's viewport is emulated instead.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true, "mobile", true)));
        } else {
            options.addArguments("--window-size=" + width + "," + height);
        }
        return new ChromeDriver(service, options);
    }

    /** Signs in on Keycloak's login page from the portal's start, then waits until {@code ready} shows. */
    static void signIn(WebDriver browser, String username, String password, By ready) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(It.BASE_URL + "/portal/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(ready));
    }

    /** The page as it is, into target/portal-screenshots/{@code name}.png (docs/screenshots/ holds chosen copies). */
    static void screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
