package dev.orden.it;

import static dev.orden.it.Browsers.await;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Acme's dispatcher in headless Chromium: the order page's area is picked from the tenant's areas by name with the
 * keyboard and stored; its custom fields are checked before they are sent; the dispatch board lists an agent who is in no team (invited for the test) with a load, and
 * an order picked for that agent is assigned to them.
 */
class StaffPickersPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Api dispatcher = Api.as(It.ACME_DISPATCHER);
    private static final List<String> made = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void portalMaySignIn() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
    }

    @AfterAll
    static void tidy() {
        for (var id : made) {
            var category = WorkOrders.get(dispatcher, id).getString("statusCategory");
            if (List.of("new", "open", "pending").contains(category)) WorkOrders.move(dispatcher, id, "CANCELLED");
        }
        EventStream.letServersDropClosedStreams();
        People.forgetAll();
    }

    @Test
    void theAreaIsPickedByNameWithTheKeyboard() {
        var order = create(order("La persiana no baja").add("area", "madrid_centro"));
        var browser = Browsers.chromium("en-US", false, 1280, 1600);
        try {
            signIn(browser);
            browser.get(It.BASE_URL + "/portal/workorders/" + order.getString("number"));
            var area = await(browser, By.cssSelector("[data-edit] select#edit-area"));
            assertEquals("Area", browser.findElement(By.cssSelector("label[for='edit-area']")).getText());
            assertEquals("Madrid Centre", new Select(area).getFirstSelectedOption().getText(), "the current area by name");
            assertTrue(new Select(area).getOptions().stream().anyMatch(o -> o.getText().equals("Madrid North")));

            area.sendKeys("Barc"); // a select takes the option typed, as a keyboard user picks one
            assertEquals("barcelona", new Select(area).getFirstSelectedOption().getAttribute("value"));
            area.sendKeys(Keys.TAB);
            Browsers.screenshot(browser, "staff-order-area");
            browser.findElement(By.cssSelector("[data-edit] button[type=submit]")).click();
            new WebDriverWait(browser, WAIT).until(b -> "barcelona".equals(
                    WorkOrders.get(dispatcher, order.getString("id")).getString("area", null)));
            new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(b ->
                    "Barcelona".equals(new Select(b.findElement(By.id("edit-area"))).getFirstSelectedOption().getText()));
        } finally {
            browser.quit();
        }
    }

    /** The agent form's fields are drawn by the requester form's renderer: what changed is checked before it is sent. */
    @Test
    void theCustomFieldsAreCheckedAsTheServerWould() {
        var order = create(order("El frigorífico no enfría").add("type", "repair")
                .add("customFields", Configs.acmeVisit()));
        var browser = Browsers.chromium("en-US", false, 1280, 1600);
        try {
            signIn(browser);
            browser.get(It.BASE_URL + "/portal/workorders/" + order.getString("number"));
            await(browser, By.cssSelector("[data-edit] [data-field='appliance'] select#f-appliance"));
            assertTrue(browser.findElement(By.cssSelector("label[for='f-appliance'] [data-required-mark]")).isDisplayed());
            new Select(browser.findElement(By.id("f-appliance"))).selectByValue("");
            browser.findElement(By.id("f-serialNumber")).sendKeys("bad serial", Keys.TAB); // left: it is checked
            browser.findElement(By.cssSelector("[data-edit] button[type=submit]")).click();
            assertEquals("This field is required.", await(browser, By.id("e-appliance")).getText());
            assertEquals("This does not have the expected format.", browser.findElement(By.id("e-serialNumber")).getText());
            assertEquals("Please correct the marked fields.",
                    await(browser, By.cssSelector("[data-message='edit'] .notice-error")).getText().trim());
            assertEquals("f-appliance", browser.switchTo().activeElement().getAttribute("id"), "focus on the first");
            assertEquals("washer", WorkOrders.get(dispatcher, order.getString("id")).getJsonObject("customFields")
                    .getString("appliance"), "nothing was sent");

            new Select(browser.findElement(By.id("f-appliance"))).selectByValue("fridge");
            browser.findElement(By.id("f-serialNumber")).clear();
            browser.findElement(By.id("f-serialNumber")).sendKeys("FR-2231", Keys.TAB);
            browser.findElement(By.cssSelector("[data-edit] button[type=submit]")).click();
            var stored = new WebDriverWait(browser, WAIT).until(b -> {
                var fields = WorkOrders.get(dispatcher, order.getString("id")).getJsonObject("customFields");
                return fields.getString("appliance").equals("fridge") ? fields : null;
            });
            assertEquals("FR-2231", stored.getString("serialNumber"));
            assertEquals("Calle Mayor 1, Madrid", stored.getJsonObject("visitAddress").getString("address"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void theBoardListsATeamlessAgentAndAssignsToThem() {
        var email = People.email("loner");
        var loner = Api.as(It.ACME_ADMIN).post("/members", People.invitation(email, "Lola Sinequipo", "agent"))
                .expect(201).json().getString("id");
        People.choosePassword(loner, People.PASSWORD);
        Api.as(email, People.PASSWORD).get("/workorders?limit=1").expect(200); // Orden knows people once seen
        var busy = create(order(It.unique("Ya asignada")).add("area", "madrid").add("assignee", loner));
        var order = create(order(It.unique("Para Lola")).add("area", "madrid_centro").add("team", "madrid_repair"));
        assertTrue(dispatcher.get("/assignment/agents").expect(200).objects().stream()
                .noneMatch(a -> a.getString("id").equals(loner)), "the agent is in no team");
        assertEquals(loner, WorkOrders.personId(busy, "assignee"));
        var browser = Browsers.chromium("en-US", false, 1280, 1600);
        try {
            signIn(browser);
            browser.get(It.BASE_URL + "/portal/dispatch");
            var card = await(browser, By.cssSelector(".agent-card[data-agent='" + loner + "']"));
            assertTrue(card.getText().contains("Lola Sinequipo"), card.getText());
            assertTrue(card.getText().contains("In no team"), card.getText());
            assertEquals("1", card.findElement(By.className("agent-load")).getAttribute("data-total"),
                    "the order already assigned to the agent is their load");
            var id = order.getString("id");
            new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(b -> {
                var picker = b.findElement(By.cssSelector("form[data-assign='" + id + "'] select"));
                new Select(picker).selectByValue(loner);
                b.findElement(By.cssSelector("form[data-assign='" + id + "'] button[type=submit]")).click();
                return true;
            });
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector(".dispatch-queue [data-order='" + id + "']"), 0));
            assertEquals(loner, WorkOrders.personId(WorkOrders.get(dispatcher, id), "assignee"));
            new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(b -> "2".equals(
                    b.findElement(By.cssSelector(".agent-card[data-agent='" + loner + "'] .agent-load"))
                            .getAttribute("data-total")));
        } finally {
            browser.quit();
        }
    }

    private static jakarta.json.JsonObject create(jakarta.json.JsonObjectBuilder body) {
        var order = WorkOrders.create(dispatcher, body);
        made.add(order.getString("id"));
        return order;
    }

    private static void signIn(WebDriver browser) {
        Browsers.signIn(browser, It.ACME_DISPATCHER, It.DEMO_PASSWORD, By.cssSelector("#nav a[href='/portal/dispatch']"));
    }

}
