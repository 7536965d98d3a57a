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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
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
        browser.get(It.BASE_URL + "/portal/");
        logIn(browser, username, password);
        patiently(browser).until(whileNavigating(ExpectedConditions.visibilityOfElementLocated(ready)));
    }

    /** The element once shown, through live redraws (a stale element is looked up again) and page loads. */
    static WebElement await(WebDriver browser, By locator) {
        return patiently(browser).until(whileNavigating(ExpectedConditions.visibilityOfElementLocated(locator)));
    }

    /** The element once in the page, shown or not (a file input, a hidden control). */
    static WebElement awaitPresent(WebDriver browser, By locator) {
        return patiently(browser).until(whileNavigating(ExpectedConditions.presenceOfElementLocated(locator)));
    }

    /**
     * Keycloak's login, from its first page in the browser: the username, then the password on the page that
     * follows; returns once the browser is back on the portal.
     */
    static void logIn(WebDriver browser, String username, String password) {
        var field = patiently(browser).until(whileNavigating(ExpectedConditions.visibilityOfElementLocated(
                By.id("username"))));
        field.sendKeys(username);
        submitLogin(browser);
        enterPassword(browser, password);
    }

    /** The login page's first field shown, {@code username} or {@code password} (a username given by the portal). */
    static WebElement loginField(WebDriver browser) {
        return patiently(browser).until(whileNavigating(d -> d.findElements(By.cssSelector("#password, #username"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null)));
    }

    /** Keycloak's password page: the password typed and sent; returns once the browser is back on the portal. */
    static void enterPassword(WebDriver browser, String password) {
        patiently(browser).until(whileNavigating(ExpectedConditions.visibilityOfElementLocated(By.id("password"))))
                .sendKeys(password);
        submitLogin(browser);
        patiently(browser).until(whileNavigating(ExpectedConditions.urlContains(It.BASE_URL + "/portal/")));
    }

    private static void submitLogin(WebDriver browser) {
        var button = browser.findElement(By.id("kc-login"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    /** 30 s, ignoring stale elements: the portal redraws what a live update changed. */
    private static WebDriverWait patiently(WebDriver browser) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * {@code condition}, not yet met while a page is replacing the one it looks at: chromedriver aborts a command
     * that a navigation starting at that moment overtakes (seen on Keycloak's way from the username to the password
     * page), and the next try finds the new page.
     */
    private static <T> ExpectedCondition<T> whileNavigating(ExpectedCondition<T> condition) {
        return driver -> {
            try {
                return condition.apply(driver);
            } catch (WebDriverException e) {
                if (e instanceof StaleElementReferenceException || !String.valueOf(e.getMessage())
                        .contains("aborted by navigation")) throw e;
                return null;
            }
        };
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
