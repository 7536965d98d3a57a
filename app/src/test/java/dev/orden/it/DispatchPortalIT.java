package dev.orden.it;

import static dev.orden.it.Browsers.await;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dispatch board and the dashboard in the system's headless Chromium, as acme's dispatcher: an unassigned order
 * under its area gets a visit and is given to an agent with the keyboard picker, then shows in that agent's day
 * schedule, where its visit is moved; a second order is dropped on an agent (HTML5 drag events dispatched in the
 * page: chromedriver's pointer actions do not start a native drag); the dashboard's numbers are the API's.
 */
class DispatchPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * acme's zone ({@code settings.json}), where its dispatcher sits: the board's day is the browser's, the reports'
     * "today" the tenant's, and from 23:00 UTC a browser on UTC would plan its visits for Madrid's yesterday.
     */
    private static final ZoneId BROWSER_ZONE = ZoneId.of("Europe/Madrid");

    static final Api dispatcher = Api.as(It.ACME_DISPATCHER);
    static final Api agent = Api.as(It.ACME_AGENT);

    /** Every order the class makes, cancelled afterwards: open orders would weigh on the agents' load elsewhere. */
    static final List<String> made = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static JsonObject create(Api api, jakarta.json.JsonObjectBuilder body) {
        var order = WorkOrders.create(api, body);
        made.add(order.getString("id"));
        return order;
    }

    @org.junit.jupiter.api.AfterAll
    static void cancelWhatIsStillOpen() {
        for (var id : made) {
            var category = WorkOrders.get(dispatcher, id).getString("statusCategory");
            if (List.of("new", "open", "pending").contains(category)) WorkOrders.move(dispatcher, id, "CANCELLED");
        }
    }

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
    void theDispatcherPlansAssignsAndSeesTheDayScheduleAndTheDashboard() {
        aBusyDay();
        var order = create(dispatcher, order("Caldera sin presión").add("area", "madrid_norte")
                .add("team", "madrid_repair").add("description", "Revisar la caldera del 3º B"));
        var id = order.getString("id");
        var browser = chromium(false);
        try {
            signIn(browser, It.ACME_DISPATCHER);
            browser.findElement(By.cssSelector("#nav a[href='/portal/dispatch']")).click();
            var card = await(browser, By.cssSelector(".dispatch-area[data-area='madrid_norte'] [data-order='" + id + "']"));
            assertEquals("Madrid North", browser.findElement(By.cssSelector(".dispatch-area[data-area='madrid_norte'] h3"))
                    .getText(), "the area by its configured name");

            var today = LocalDate.now(BROWSER_ZONE);
            card.findElement(By.cssSelector("details[data-details] summary")).click();
            var visitForm = card.findElement(By.cssSelector("form[data-visit]"));
            setInput(browser, visitForm.findElement(By.name("start")), today + "T10:00");
            setInput(browser, visitForm.findElement(By.name("end")), today + "T12:00");
            visitForm.findElement(By.cssSelector("button[type=submit]")).click();
            awaitText(browser, By.cssSelector("[data-message]"), "Visit of " + order.getString("number") + " saved.");
            assertEquals(at(today, 10), Instant.parse(WorkOrders.get(dispatcher, id).getString("scheduledStart")));

            // Found again if the live update of the saved visit redraws the board in between.
            new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
                var picker = b.findElement(By.cssSelector("form[data-assign='" + id + "'] select"));
                assertEquals("Assign " + order.getString("number") + " to…",
                        b.findElement(By.cssSelector("label[for='" + picker.getAttribute("id") + "']")).getText());
                new Select(picker).selectByValue(agent.id());
                picker.sendKeys(org.openqa.selenium.Keys.TAB);
                b.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
                return true;
            });
            var block = By.cssSelector(".timeline-row[data-agent='" + agent.id() + "'] [data-visit-block='" + id + "']");
            await(browser, block);
            assertEquals(agent.id(), WorkOrders.personId(WorkOrders.get(dispatcher, id), "assignee"));
            assertTrue(browser.findElements(By.cssSelector(".dispatch-queue [data-order='" + id + "']")).isEmpty(),
                    "no longer unassigned");
            js(browser).executeScript("window.scrollTo(0, 0)");
            screenshot(browser, "dispatch-board");

            // The board is drawn again on each live change: the block is found anew when it is used.
            new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> {
                        d.findElement(block).sendKeys(org.openqa.selenium.Keys.ENTER);
                        return true;
                    });
            var move = await(browser, By.cssSelector(".dispatch-schedule form[data-visit='" + id + "']"));
            setInput(browser, move.findElement(By.name("start")), today + "T14:00");
            setInput(browser, move.findElement(By.name("end")), today + "T15:30");
            move.findElement(By.cssSelector("button[type=submit]")).click();
            awaitText(browser, By.cssSelector("[data-message]"), "Visit of " + order.getString("number") + " saved.");
            var moved = WorkOrders.get(dispatcher, id);
            assertEquals(at(today, 14), Instant.parse(moved.getString("scheduledStart")));
            assertEquals(at(today, 14).plusSeconds(5400), Instant.parse(moved.getString("scheduledEnd")));

            dropsOnAnAgent(browser);
            theDashboardShowsTheApisNumbers(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void theBoardAndTheDashboardFitAPhone() {
        var browser = chromium(true);
        try {
            signIn(browser, It.ACME_DISPATCHER);
            browser.get(It.BASE_URL + "/portal/dispatch");
            await(browser, By.cssSelector(".dispatch-schedule"));
            fitsTheScreen(browser);
            screenshot(browser, "dispatch-board-phone");
            browser.get(It.BASE_URL + "/portal/dashboard");
            await(browser, By.cssSelector("[data-chart='workload'] canvas"));
            fitsTheScreen(browser);
        } finally {
            browser.quit();
        }
    }

    /** Other orders of the day, so that the board has a queue and a schedule beside the test's own. */
    private static void aBusyDay() {
        create(dispatcher, order("Lavavajillas no desagua").add("area", "madrid_centro").add("team", "madrid_repair"));
        create(dispatcher, order("Frigorífico hace ruido").add("area", "madrid_norte").add("team", "madrid_repair"));
        create(dispatcher, order("Instalar aire acondicionado").add("area", "barcelona").add("team", "installers"));
        var today = LocalDate.now(BROWSER_ZONE);
        visit("marta.norte@acme.test", "Revisión de caldera", today, 9, 10);
        visit("carlos.centro@acme.test", "El horno no calienta", today, 12, 13);
        visit("carlos.centro@acme.test", "La lavadora pierde agua", today, 16, 18);
        visit("jordi.bcn@acme.test", "Cambiar termostato", today, 11, 13);
    }

    private static void visit(String who, String title, LocalDate day, int from, int to) {
        var order = create(dispatcher, order(title).add("area", "madrid").add("team", "madrid_repair")
                .add("assignee", Api.as(who).id()));
        dispatcher.patch("/workorders/" + order.getString("id"), jakarta.json.Json.createObjectBuilder()
                .add("scheduledStart", at(day, from).toString()).add("scheduledEnd", at(day, to).toString()).build(),
                order.getInt("version")).expect(200);
    }

    private static void fitsTheScreen(WebDriver browser) {
        var widths = js(browser).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]").toString();
        var parts = widths.replaceAll("[\\[\\] ]", "").split(",");
        assertTrue(Integer.parseInt(parts[0]) <= Integer.parseInt(parts[1]), "no sideways scrolling: " + widths);
    }

    private static void dropsOnAnAgent(WebDriver browser) {
        var order = create(dispatcher, order(It.unique("Dropped")).add("area", "madrid_centro")
                .add("team", "madrid_repair"));
        var id = order.getString("id");
        await(browser, By.cssSelector("[data-order='" + id + "']"));
        js(browser).executeScript("""
                const data = new DataTransfer();
                const fire = (element, type) => element.dispatchEvent(new DragEvent(type,
                  { bubbles: true, cancelable: true, dataTransfer: data }));
                fire(document.querySelector(`[data-order='${arguments[0]}']`), 'dragstart');
                const target = document.querySelector(`.agent-card[data-agent='${arguments[1]}']`);
                fire(target, 'dragover');
                fire(target, 'drop');""", id, agent.id());
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector(".dispatch-queue [data-order='" + id + "']"), 0));
        assertEquals(agent.id(), WorkOrders.personId(WorkOrders.get(dispatcher, id), "assignee"));
    }

    private static void theDashboardShowsTheApisNumbers(WebDriver browser) {
        browser.findElement(By.cssSelector("#nav a[href='/portal/dashboard']")).click();
        await(browser, By.cssSelector("[data-chart='workload'] canvas"));
        await(browser, By.cssSelector("[data-chart='daily'] canvas"));
        var today = LocalDate.now(BROWSER_ZONE);
        var summary = dispatcher.get("/reports/summary?from=" + today.minusDays(29) + "&to=" + today.plusDays(1))
                .expect(200).json();
        var totals = browser.findElement(By.cssSelector("[data-totals]"));
        assertEquals(String.valueOf(summary.getInt("created")), totals.getAttribute("data-created"));
        assertEquals(String.valueOf(summary.getInt("completed")), totals.getAttribute("data-completed"));
        screenshot(browser, "dashboard");

        var mine = summary.getJsonObject("workload").getJsonArray("agents").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("id").equals(agent.id())).findFirst().orElseThrow();
        var chart = browser.findElement(By.cssSelector("[data-chart='workload']"));
        assertTrue(chart.getAttribute("aria-label").contains(mine.getString("name") + " " + mine.getInt("total")),
                chart.getAttribute("aria-label"));
        browser.findElement(By.cssSelector("[data-toggle='workload']")).click();
        var row = await(browser, By.xpath("//table[@id='table-workload']//tr[th='" + mine.getString("name") + "']"));
        var cells = row.findElements(By.tagName("td"));
        assertEquals(String.valueOf(mine.getInt("total")), cells.get(0).getText());
        assertEquals(String.valueOf(mine.getInt("scheduledToday")), cells.get(4).getText());
        assertTrue(mine.getInt("scheduledToday") >= 1, "the visit planned above is today's: " + mine);
        var daily = summary.getJsonArray("daily").getValuesAs(JsonObject.class).getLast();
        browser.findElement(By.cssSelector("[data-toggle='daily']")).click();
        var last = await(browser, By.xpath("//table[@id='table-daily']//tr[th='" + daily.getString("date") + "']"));
        assertEquals(String.valueOf(daily.getInt("created")), last.findElements(By.tagName("td")).get(0).getText());
        await(browser, By.cssSelector("[data-chart='backlog-daily'] canvas"));
        var backlog = summary.getJsonArray("backlogDaily").getValuesAs(JsonObject.class).getLast();
        browser.findElement(By.cssSelector("[data-toggle='backlog-daily']")).click();
        var end = await(browser, By.xpath("//table[@id='table-backlog-daily']//tr[th='" + backlog.getString("date")
                + "']"));
        assertEquals(String.valueOf(backlog.getInt("total")), end.findElements(By.tagName("td")).get(0).getText());
        assertTrue(backlog.getInt("total") >= 1, "the unassigned order above is still to be done: " + backlog);
        screenshot(browser, "dashboard-tables");
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(BROWSER_ZONE).toInstant();
    }

    /** A datetime-local input's value as the browser would hold it once typed (typing its parts is locale-bound). */
    private static void setInput(WebDriver browser, WebElement input, String value) {
        js(browser).executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", input, value);
    }

    private static void signIn(WebDriver browser, String username) {
        Browsers.signIn(browser, username, It.DEMO_PASSWORD, By.cssSelector("#nav a[href='/portal/dispatch']"));
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

    private static ChromeDriver chromium(boolean phone) {
        return Browsers.chromium("en-US", phone, 1280, 1600, BROWSER_ZONE);
    }
}
