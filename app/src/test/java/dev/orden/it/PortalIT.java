package dev.orden.it;

import static dev.orden.it.Browsers.await;
import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.move;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
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
 * The portal in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; no browser is
 * downloaded): a requester of acme signs in on Keycloak's own login page, sees their orders, opens one and sees a
 * change made through the API arrive live; another tenant's order is a not-found page; the language follows the
 * browser and the user's choice; a phone's viewport. Screenshots of each page go to target/portal-screenshots.
 */
class PortalIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

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
    void requesterSignsInSeesTheirOrdersAndAStatusChangeLive() {
        var order = assignedOrderOfTheRequester();
        var number = order.getString("number");
        var browser = chromium("en-US", false);
        try {
            signIn(browser, It.ACME_REQUESTER);
            var row = await(browser, By.cssSelector("orden-orders .order[data-number='" + number + "']"));
            assertEquals("My orders", browser.findElement(By.tagName("h1")).getText());
            assertEquals("Assigned", row.findElement(By.className("status")).getText());
            screenshot(browser, "orders");

            row.findElement(By.className("order-link")).click();
            await(browser, By.cssSelector(".order-page[data-order='" + number + "']"));
            await(browser, By.cssSelector("#live[data-state='live']"));
            assertTrue(browser.getCurrentUrl().endsWith("/portal/workorders/" + number), browser.getCurrentUrl());
            // Lost if the page were loaded again: the change must arrive through the stream.
            js(browser).executeScript("window.ordenItMarker = 'same page'");

            move(Api.as(It.ACME_ADMIN), order.getString("id"), "IN_PROGRESS");

            var status = await(browser, By.cssSelector(".order-head .status[data-status='IN_PROGRESS']"));
            assertEquals("In progress", status.getText());
            assertEquals("same page", js(browser).executeScript("return window.ordenItMarker"));
            var timeline = browser.findElement(By.className("timeline")).getText();
            assertTrue(timeline.contains("changed the status from Assigned to In progress"), timeline);
            assertTrue(timeline.contains("moving to IN_PROGRESS"), timeline);
            screenshot(browser, "order");

            anotherTenantsOrderIsNotFound(browser);
            languageIsSwitchedAndRemembered(browser);
            signOutEndsTheSession(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void spanishBrowserOnAPhone() {
        var order = assignedOrderOfTheRequester();
        var number = order.getString("number");
        var browser = chromium("es-ES", true);
        try {
            signIn(browser, It.ACME_REQUESTER);
            var row = await(browser, By.cssSelector("orden-orders .order[data-number='" + number + "']"));
            assertEquals("es", js(browser).executeScript("return document.documentElement.lang"));
            assertEquals("Mis órdenes", browser.findElement(By.tagName("h1")).getText());
            assertEquals("Asignada", row.findElement(By.className("status")).getText());
            assertEquals("Cerrar sesión", browser.findElement(By.id("signout")).getText());
            fitsTheScreen(browser);
            // On a phone the status goes under the title instead of beside it.
            var link = row.findElement(By.className("order-link")).getRect();
            var badge = row.findElement(By.className("status")).getRect();
            assertTrue(badge.getY() >= link.getY() + link.getHeight(), "status below the title: " + badge + link);
            screenshot(browser, "orders-es-phone");

            row.findElement(By.className("order-link")).click();
            await(browser, By.cssSelector(".order-page[data-order='" + number + "']"));
            assertEquals("Historial", browser.findElement(By.id("timeline")).getText());
            fitsTheScreen(browser);
            screenshot(browser, "order-es-phone");
        } finally {
            browser.quit();
        }
    }

    /** A new order of acme's demo requester, assigned to the demo agent (if the tenant's rules did not already). */
    private static JsonObject assignedOrderOfTheRequester() {
        // Found by number, so the title need not be unique: it reads well in the screenshots.
        var order = create(Api.as(It.ACME_REQUESTER), order("La lavadora pierde agua")
                .add("type", "general").add("description", "Pierde agua por debajo al centrifugar."));
        if (order.getString("status").equals("NEW")) {
            var agent = Api.as(It.ACME_AGENT).id();
            assign(Api.as(It.ACME_DISPATCHER), order.getString("id"), agent, null).expect(200);
        }
        var assigned = WorkOrders.get(Api.as(It.ACME_REQUESTER), order.getString("id"));
        assertEquals("ASSIGNED", assigned.getString("status"));
        return assigned;
    }

    private static void anotherTenantsOrderIsNotFound(WebDriver browser) {
        var globex = create(Api.as(It.GLOBEX_REQUESTER), It.unique("globex only"));
        browser.get(It.BASE_URL + "/portal/workorders/" + globex.getString("id"));
        var page = await(browser, By.cssSelector("[data-view='not-found']"));
        assertEquals("Not found", page.findElement(By.tagName("h1")).getText());
        assertFalse(browser.getPageSource().contains("globex only"), "nothing of the order shows");
        screenshot(browser, "not-found");
    }

    private static void languageIsSwitchedAndRemembered(WebDriver browser) {
        new Select(browser.findElement(By.id("lang"))).selectByValue("es");
        awaitText(browser, By.tagName("h1"), "No encontrada");
        assertEquals("Idioma", browser.findElement(By.cssSelector(".lang span")).getText());
        browser.navigate().refresh();
        awaitText(browser, By.tagName("h1"), "No encontrada");
        assertEquals("es", js(browser).executeScript("return document.documentElement.lang"));
    }

    private static void signOutEndsTheSession(WebDriver browser) {
        await(browser, By.id("signout")).click();
        // Back at Keycloak's login page: the portal itself asks for sign-in again.
        await(browser, By.id("username"));
        assertTrue(browser.getCurrentUrl().startsWith(It.KC_URL), browser.getCurrentUrl());
        browser.get(It.BASE_URL + "/portal/");
        await(browser, By.id("username"));
    }

    private static void signIn(WebDriver browser, String username) {
        browser.get(It.BASE_URL + "/portal/");
        // The realm has organizations: Keycloak asks for the user first, then for the password on a second page.
        Browsers.logIn(browser, username, It.DEMO_PASSWORD);
        await(browser, By.cssSelector("orden-orders .orders"));
    }

    private static void fitsTheScreen(WebDriver browser) {
        var widths = js(browser).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]").toString();
        var parts = widths.replaceAll("[\\[\\] ]", "").split(",");
        assertTrue(Integer.parseInt(parts[0]) <= Integer.parseInt(parts[1]), "no sideways scrolling: " + widths);
        assertTrue(Integer.parseInt(parts[1]) <= 400, "a phone's width: " + widths);
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

    /**
     * The system's Chromium through the system's chromedriver. Both paths are given, so Selenium Manager (which
     * would download a browser or driver) is never run.
     */
    private static ChromeDriver chromium(String language, boolean phone) {
        return Browsers.chromium(language, phone, 1280, 900);
    }
}
