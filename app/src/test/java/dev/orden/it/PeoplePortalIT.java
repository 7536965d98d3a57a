package dev.orden.it;

import static dev.orden.it.Browsers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
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
 * People administration and the audit log in the portal, in the system's headless Chromium: a tenant admin (of a
 * tenant signed up for it) is told which fields of an invitation to fix, invites someone, changes their roles, and
 * finds both in the audit log with the change shown; the People page in Spanish on a phone. Screenshots go to
 * target/portal-screenshots.
 */
class PeoplePortalIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static People.Tenant tenant;

    @BeforeAll
    static void aTenantAndThePortalMaySignIn() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
        tenant = People.signUp("portal-ppl");
    }

    @AfterAll
    static void forget() {
        People.forgetAll();
    }

    @Test
    void anAdminInvitesSomeoneChangesTheirRolesAndSeesItAudited() {
        var email = People.email("marta");
        var browser = chromium("en-US", false);
        try {
            signIn(browser, tenant.adminEmail());
            await(browser, By.linkText("People")).click();
            // The page draws the form at once and again when the list has loaded: wait for the list.
            await(browser, By.cssSelector(".person[data-email='" + tenant.adminEmail() + "']"));
            var form = await(browser, By.cssSelector("orden-people [data-invite]"));
            form.findElement(By.id("invite-email")).sendKeys("not-an-email");
            form.findElement(By.cssSelector("input[name=roles][value=requester]")).click();
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertTrue(await(browser, By.id("invite-email-error")).getText().contains("e-mail"));
            assertEquals("is required", await(browser, By.id("invite-name-error")).getText());
            await(browser, By.id("invite-roles-error"));
            assertEquals("true", browser.findElement(By.id("invite-email")).getAttribute("aria-invalid"));

            var email2 = browser.findElement(By.id("invite-email"));
            email2.clear();
            email2.sendKeys(email);
            browser.findElement(By.id("invite-name")).sendKeys("Marta Norte");
            browser.findElement(By.cssSelector("[data-invite] input[name=roles][value=agent]")).click();
            browser.findElement(By.cssSelector("[data-invite] button[type=submit]")).click();
            var row = await(browser, By.cssSelector(".person[data-email='" + email + "']"));
            assertTrue(row.getText().contains("Marta Norte"));
            assertTrue(row.findElement(By.cssSelector("input[value=agent]")).isSelected());
            assertTrue(browser.findElement(By.cssSelector("[data-invite-note]")).getText().contains(email));
            var id = row.getAttribute("data-person");
            screenshot(browser, "people");

            row.findElement(By.cssSelector("input[value=dispatcher]")).click();
            row.findElement(By.cssSelector("[data-save]")).click();
            awaitText(browser, By.cssSelector(".person[data-email='" + email + "'] [data-row-note]"), "Saved.");
            assertEquals(Set.of("agent", "dispatcher"), People.realmRoles(id));

            await(browser, By.linkText("Audit log")).click();
            var changed = await(browser, By.cssSelector(".audit-entry[data-action='member.roles_changed']"));
            assertEquals(id, changed.getAttribute("data-target"));
            changed.findElement(By.tagName("summary")).click();
            var diff = await(browser, By.cssSelector(".audit-entry[data-action='member.roles_changed'] .audit-diff"));
            assertTrue(diff.getText().contains("agent, dispatcher"), diff.getText());
            assertTrue(changed.getText().contains("Ana Admin"));
            await(browser, By.cssSelector(".audit-entry[data-action='member.invited'][data-target='" + id + "']"));

            new Select(browser.findElement(By.id("audit-action"))).selectByValue("member.invited");
            browser.findElement(By.cssSelector("[data-filters] button[type=submit]")).click();
            new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector(".audit-entry")).size() == 1
                    && !d.findElements(By.cssSelector(".audit-entry[data-action='member.invited']")).isEmpty());
            new Select(browser.findElement(By.id("audit-action"))).selectByValue("");
            browser.findElement(By.cssSelector("[data-filters] button[type=submit]")).click();
            await(browser, By.cssSelector(".audit-entry[data-action='member.roles_changed'] summary")).click();
            screenshot(browser, "audit");
        } finally {
            browser.quit();
        }
    }

    @Test
    void peopleInSpanishOnAPhone() {
        var browser = chromium("es-ES", true);
        try {
            signIn(browser, tenant.adminEmail());
            browser.get(It.BASE_URL + "/portal/admin/users");
            await(browser, By.cssSelector(".person[data-email='" + tenant.adminEmail() + "']"));
            assertEquals("Personas", browser.findElement(By.tagName("h1")).getText());
            assertEquals("Enviar invitación",
                    browser.findElement(By.cssSelector("[data-invite] button[type=submit]")).getText());
            fitsTheScreen(browser);
            screenshot(browser, "people-es-phone");

            browser.get(It.BASE_URL + "/portal/admin/audit");
            awaitText(browser, By.tagName("h1"), "Auditoría");
            fitsTheScreen(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void theAdminPagesAreNotForOtherRoles() {
        var browser = chromium("en-US", false);
        try {
            signInAs(browser, It.ACME_AGENT, It.DEMO_PASSWORD);
            assertTrue(browser.findElements(By.linkText("People")).isEmpty());
            browser.get(It.BASE_URL + "/portal/admin/users");
            await(browser, By.cssSelector("[data-view='not-found']"));
            assertTrue(browser.findElements(By.cssSelector("orden-people")).isEmpty());
        } finally {
            browser.quit();
        }
    }

    private static void signIn(WebDriver browser, String username) {
        signInAs(browser, username, People.PASSWORD);
    }

    private static void signInAs(WebDriver browser, String username, String password) {
        browser.get(It.BASE_URL + "/portal/");
        Browsers.logIn(browser, username, password);
        await(browser, By.cssSelector("orden-orders h1"));
    }

    private static void fitsTheScreen(WebDriver browser) {
        var widths = ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]").toString();
        var parts = widths.replaceAll("[\\[\\] ]", "").split(",");
        assertTrue(Integer.parseInt(parts[0]) <= Integer.parseInt(parts[1]), "no sideways scrolling: " + widths);
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
