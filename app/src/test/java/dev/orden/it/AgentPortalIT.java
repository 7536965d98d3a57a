package dev.orden.it;

import static dev.orden.it.Browsers.await;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff's side of the portal in headless Chromium: a dispatcher at a desk and an agent on a phone (in Spanish)
 * watch the queues; a requester's new order appears live in "unassigned" for both; the dispatcher assigns it to the
 * agent, for whom it moves to "mine"; the agent moves it with the workflow's buttons, adds an internal comment the
 * requester never gets, and transfers it (a missing reason shown on its field); the dispatcher's page follows live,
 * a stale edit is a clear conflict; the dispatcher saves a view and opens it again. Agents do not assign (only
 * dispatchers and admins do, RoleRulesIT), so the assignment is the dispatcher's.
 */
class AgentPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // a shared, busy machine: a change may take seconds

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
    void anOrderFromTheQueueToTransferLive() {
        var marker = It.unique("dryer");
        var dispatcher = chromium("en-US", false);
        var agent = chromium("es-ES", true);
        try {
            openQueue(dispatcher, It.ACME_DISPATCHER);
            openQueue(agent, It.ACME_AGENT);
            assertEquals("Colas", agent.findElement(By.tagName("h1")).getText());

            var requester = Api.as(It.ACME_REQUESTER);
            var number = create(requester, order("La secadora hace ruido").add("type", "repair")
                    .add("description", "Ruido metálico al girar. " + marker)
                    .add("customFields", Configs.acmeVisit())).getString("number");
            var row = By.cssSelector("[data-queue-list='unassigned'] .queue-row[data-number='" + number + "']");
            await(dispatcher, row);
            await(agent, row);

            dispatcherAssignsItToTheAgent(dispatcher, number);
            agentFindsItInMine(agent, number);
            agentWorksIt(agent, dispatcher, number, marker, requester);
            staleEditIsAConflict(dispatcher, number);
            dispatcherSavesAViewAndOpensItAgain(dispatcher, number, marker);
        } catch (RuntimeException | AssertionError e) {
            screenshot(dispatcher, "failed-dispatcher");
            screenshot(agent, "failed-agent");
            throw new AssertionError("agent's page (" + js(agent).executeScript("return JSON.stringify({busy: "
                    + "document.querySelector('orden-staff-order')?.getAttribute('aria-busy'), comment: "
                    + "document.getElementById('move-comment')?.value, url: location.href})") + "): "
                    + agent.findElement(By.tagName("main")).getText().replace('\n', '|'), e);
        } finally {
            dispatcher.quit();
            agent.quit();
        }
    }

    /**
     * Names from the tenant's configuration, not keys: the area and team on the staff page and the queue card, and
     * the complaint workflow's states ("Abierta", "En estudio": no built-in name) in the staff's history, which
     * the page has not otherwise seen, and on the requester's page and its timeline.
     */
    @Test
    void areasTeamsAndStatesByTheirConfiguredNames() {
        var requester = Api.as(It.ACME_REQUESTER);
        var number = create(requester, order("Llegaron tarde " + It.unique("names")).add("type", "complaint")
                .add("area", "madrid_centro").add("customFields", Json.createObjectBuilder()
                        .add("complaintReason", "delay"))).getString("number");
        WorkOrders.move(Api.as(It.ACME_DISPATCHER), number, "INVESTIGATING");
        var agent = chromium("es-ES", false);
        var customer = chromium("es-ES", true);
        try {
            openQueue(agent, It.ACME_AGENT);
            click(agent, By.id("tab-all"));
            var row = By.cssSelector("[data-queue-list='all'] .queue-row[data-number='" + number + "'] .queue-meta");
            var card = new WebDriverWait(agent, WAIT).ignoring(StaleElementReferenceException.class).until(b -> {
                var text = b.findElement(row).getAttribute("textContent");
                return text.contains("Madrid Centro") ? text : null;
            });
            // The team is the assignment's (it may change with the tenant's rules): named as the configuration does.
            var seen = WorkOrders.get(Api.as(It.ACME_AGENT), number);
            var team = seen.getJsonObject("teamName").getString("es");
            assertTrue(!team.equals(seen.getString("team")) && card.contains("Equipo: " + team), card);
            click(agent, By.cssSelector(".queue-row[data-number='" + number + "'] a"));
            await(agent, By.cssSelector(".staff-order[data-order='" + number + "']"));
            var facts = agent.findElement(By.className("facts")).getText();
            assertTrue(facts.contains(team) && facts.contains("Madrid Centro")
                    && !facts.contains("madrid_centro"), facts);
            var history = agent.findElement(By.cssSelector("[data-history]")).getText();
            assertTrue(history.contains("Abierta") && history.contains("En estudio") && !history.contains("Open"),
                    history);

            customer.get(It.BASE_URL + "/portal/workorders/" + number);
            Browsers.logIn(customer, It.ACME_REQUESTER, It.DEMO_PASSWORD);
            var badge = await(customer, By.cssSelector(".order-page[data-order='" + number + "'] .order-head .status"));
            assertEquals("En estudio", badge.getText());
            var timeline = customer.findElement(By.className("timeline")).getText();
            assertTrue(timeline.contains("Abierta") && timeline.contains("En estudio"), timeline);
        } finally {
            agent.quit();
            customer.quit();
        }
    }

    private static void dispatcherAssignsItToTheAgent(WebDriver dispatcher, String number) {
        click(dispatcher, By.cssSelector(".queue-row[data-number='" + number + "'] a"));
        await(dispatcher, By.cssSelector(".staff-order[data-order='" + number + "']"));
        var history = dispatcher.findElement(By.cssSelector("[data-history]")).getText();
        assertTrue(history.contains("Rule “Route repairs by city” v"), "the rule's trace in the history: " + history);
        new Select(dispatcher.findElement(By.id("assign-assignee"))).selectByValue(Api.as(It.ACME_AGENT).id());
        dispatcher.findElement(By.id("assign-reason")).sendKeys("Alba knows dryers");
        click(dispatcher, By.cssSelector("[data-assign] button[type=submit]"));
        var badge = await(dispatcher, By.cssSelector(".order-head .status[data-status='ASSIGNED']"));
        assertEquals("Assigned", badge.getText());
        assertTrue(dispatcher.findElement(By.className("facts")).getText().contains("Alba Agente"));
    }

    private static void agentFindsItInMine(WebDriver agent, String number) {
        // The assignment moved it: the agent's counts and list follow the stream.
        new WebDriverWait(agent, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("[data-queue-list='unassigned'] .queue-row[data-number='" + number + "']")));
        click(agent, By.id("tab-mine"));
        var row = await(agent, By.cssSelector("[data-queue-list='mine'] .queue-row[data-number='" + number + "']"));
        assertEquals("Asignada", row.findElement(By.className("status")).getText());
        assertTrue(Integer.parseInt(agent.findElement(By.cssSelector("[data-count='mine']")).getText()) >= 1);
        fitsTheScreen(agent);
        screenshot(agent, "queue-es-phone");
        row.findElement(By.cssSelector("a")).click();
        await(agent, By.cssSelector(".staff-order[data-order='" + number + "']"));
    }

    private static void agentWorksIt(WebDriver agent, WebDriver dispatcher, String number, String marker, Api requester) {
        click(agent, By.cssSelector("[data-move='IN_PROGRESS']"));
        assertEquals("En curso", await(agent, By.cssSelector(".order-head .status[data-status='IN_PROGRESS']")).getText());
        // WAITING_PARTS (the service workflow's) asks for a comment: the button opens a form for it.
        click(agent, By.cssSelector("[data-move='WAITING_PARTS']"));
        await(agent, By.id("move-comment")).sendKeys("Esperando la pieza");
        click(agent, By.cssSelector("[data-move-form] button[type=submit]"));
        // A state the built-in names do not know: its name comes from the workflow, through the API.
        assertEquals("Esperando piezas",
                await(agent, By.cssSelector(".order-head .status[data-status='WAITING_PARTS']")).getText());

        // The agent form's staff-only fields say so: the requester never sees them.
        assertEquals("solo equipo", agent.findElement(By.cssSelector("[data-field='diagnosis'] [data-internal]"))
                .getDomProperty("textContent"));
        assertTrue(agent.findElements(By.cssSelector("[data-field='brand'] [data-internal]")).isEmpty());

        var internal = "Nota interna " + marker;
        agent.findElement(By.id("comment-body")).sendKeys(internal);
        click(agent, By.cssSelector("input[name=visibility][value=INTERNAL]"));
        click(agent, By.cssSelector("[data-comment] button[type=submit]"));
        var comment = await(agent, By.cssSelector(".comment[data-visibility='INTERNAL']"));
        assertTrue(comment.getText().contains(internal) && comment.getText().contains("Interno"), comment.getText());
        // The assignment rule's trace names its effect, not its raw JSON (one long word that widened the phone page).
        assertEquals("Efectos: assign", agent.findElement(By.cssSelector(".rule-trace .muted")).getText());
        fitsTheScreen(agent);
        screenshot(agent, "staff-order-es-phone");

        // The dispatcher's page followed every change without a reload.
        assertEquals("Waiting for parts",
                await(dispatcher, By.cssSelector(".order-head .status[data-status='WAITING_PARTS']")).getText());
        await(dispatcher, By.cssSelector(".comment[data-visibility='INTERNAL']"));
        screenshot(dispatcher, "staff-order");
        // ...and the requester gets nothing of the internal note, in comments or history.
        var ref = "/workorders/" + number;
        assertFalse(requester.get(ref + "/comments").expect(200).body().contains(marker));
        assertFalse(requester.get(ref + "/history").expect(200).body().contains(marker));
        assertTrue(Api.as(It.ACME_DISPATCHER).get(ref + "/comments").expect(200).body().contains(marker));

        // A transfer needs a reason: the form says so on the field, then it goes through. Teams and areas are
        // picked by their names in the agent's language.
        new Select(agent.findElement(By.id("transfer-team"))).selectByVisibleText("Reparación Barcelona");
        new Select(agent.findElement(By.id("transfer-area"))).selectByVisibleText("Barcelona");
        click(agent, By.cssSelector("[data-transfer] button[type=submit]"));
        await(agent, By.cssSelector("#transfer-reason[aria-invalid='true']"));
        assertEquals("bcn_repair", new Select(agent.findElement(By.id("transfer-team")))
                .getFirstSelectedOption().getAttribute("value"), "the pick is kept across the redraw");
        agent.findElement(By.id("transfer-reason")).sendKeys("El cliente está en Barcelona");
        click(agent, By.cssSelector("[data-transfer] button[type=submit]"));
        // The team is named as the configuration names it, in the agent's language.
        new WebDriverWait(agent, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.className("facts"), "Reparación Barcelona"));
        assertTrue(agent.findElement(By.cssSelector("[data-history]")).getText().contains("El cliente está en Barcelona"));
        assertEquals("barcelona", WorkOrders.get(Api.as(It.ACME_ADMIN), number).getString("area"));
    }

    private static void staleEditIsAConflict(WebDriver dispatcher, String number) {
        await(dispatcher, By.cssSelector(".staff-order[data-order='" + number + "']"));
        new WebDriverWait(dispatcher, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.className("facts"), "Barcelona repair"));
        var title = dispatcher.findElement(By.id("edit-title"));
        title.clear();
        title.sendKeys("La secadora hace mucho ruido");
        var order = WorkOrders.get(Api.as(It.ACME_ADMIN), number);
        Api.as(It.ACME_ADMIN).patch("/workorders/" + number, Json.createObjectBuilder().add("priority", "HIGH").build(),
                order.getInt("version")).expect(200);
        await(dispatcher, By.cssSelector("[data-message='edit'] .notice-warning"));
        click(dispatcher, By.cssSelector("[data-edit] button[type=submit]"));
        new WebDriverWait(dispatcher, WAIT).ignoring(StaleElementReferenceException.class).until(browser ->
                browser.findElement(By.cssSelector("[data-message='edit'] .notice-warning")).getText()
                        .contains("Someone else changed this order"));
        assertEquals("La secadora hace ruido", WorkOrders.get(Api.as(It.ACME_ADMIN), number).getString("title"));
        click(dispatcher, By.cssSelector("[data-message='edit'] [data-reload]"));
        new WebDriverWait(dispatcher, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("[data-message='edit'] .notice-warning")));
        // After the reload the edit goes through with the new version.
        var fresh = await(dispatcher, By.id("edit-title"));
        fresh.clear();
        fresh.sendKeys("La secadora hace mucho ruido");
        click(dispatcher, By.cssSelector("[data-edit] button[type=submit]"));
        await(dispatcher, By.cssSelector("[data-message='edit'] .notice-ok"));
        assertEquals("La secadora hace mucho ruido", WorkOrders.get(Api.as(It.ACME_ADMIN), number).getString("title"));

        // A location field, drawn by the requester form's controls, is edited here too.
        var address = await(dispatcher, By.id("f-visitAddress"));
        address.clear();
        address.sendKeys("Calle Mayor 2, Madrid");
        dispatcher.findElement(By.cssSelector("[data-field='visitAddress'] [data-part='lat']")).sendKeys("40.4");
        dispatcher.findElement(By.cssSelector("[data-field='visitAddress'] [data-part='lon']")).sendKeys("-3.7");
        click(dispatcher, By.cssSelector("[data-edit] button[type=submit]"));
        var visit = new WebDriverWait(dispatcher, WAIT).until(browser -> {
            var stored = WorkOrders.get(Api.as(It.ACME_ADMIN), number).getJsonObject("customFields")
                    .getJsonObject("visitAddress");
            return stored.getString("address").equals("Calle Mayor 2, Madrid") ? stored : null;
        });
        assertEquals(40.4, visit.getJsonNumber("lat").doubleValue());
        assertEquals(-3.7, visit.getJsonNumber("lon").doubleValue());
    }

    private static void dispatcherSavesAViewAndOpensItAgain(WebDriver dispatcher, String number, String marker) {
        click(dispatcher, By.cssSelector("#nav a[href='/portal/queue']"));
        await(dispatcher, By.cssSelector("[data-queue-list='unassigned']"));
        click(dispatcher, By.id("tab-all"));
        await(dispatcher, By.cssSelector("[data-queue-list='all']"));
        if (dispatcher.findElements(By.cssSelector(".queue-filters[open]")).isEmpty()) {
            click(dispatcher, By.cssSelector(".queue-filters summary"));
        }
        await(dispatcher, By.id("f-q")).sendKeys(marker);
        new Select(dispatcher.findElement(By.id("f-priority"))).selectByValue("HIGH");
        click(dispatcher, By.cssSelector("[data-filters] button[type=submit]"));
        await(dispatcher, By.cssSelector("[data-queue-list='all'] .queue-row[data-number='" + number + "']"));
        // The unfiltered list already showed the order: wait for the filtered one, which has only it.
        new WebDriverWait(dispatcher, WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".queue-row"), 1));
        var name = "Secadoras " + marker;
        dispatcher.findElement(By.id("view-name")).sendKeys(name);
        click(dispatcher, By.cssSelector("[data-view-save] button[type=submit]"));
        await(dispatcher, By.cssSelector("[data-view-delete]"));
        screenshot(dispatcher, "queue");

        // Another visit starts clean; the saved view brings the queue and its filters back.
        dispatcher.get(It.BASE_URL + "/portal/queue");
        await(dispatcher, By.cssSelector("[data-queue-list='unassigned']"));
        new Select(await(dispatcher, By.id("view-pick"))).selectByVisibleText(name);
        await(dispatcher, By.cssSelector("[data-queue-list='all'] .queue-row[data-number='" + number + "']"));
        // Read through live redraws, which replace these elements.
        assertEquals("true", readWhenSettled(dispatcher, b -> b.findElement(By.id("tab-all")).getAttribute("aria-selected")));
        assertEquals(marker, readWhenSettled(dispatcher, b -> b.findElement(By.id("f-q")).getAttribute("value")));
        assertEquals("HIGH", readWhenSettled(dispatcher, b -> new Select(b.findElement(By.id("f-priority")))
                .getFirstSelectedOption().getAttribute("value")));
        assertTrue(dispatcher.getCurrentUrl().contains("queue=all"), dispatcher.getCurrentUrl());
    }

    /** What {@code read} finds, read again if a live redraw replaced the element in between. */
    private static String readWhenSettled(WebDriver browser, java.util.function.Function<WebDriver, String> read) {
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(read::apply);
    }

    /** Clicks what the locator finds, again if a live redraw replaced it in between. */
    private static void click(WebDriver browser, By locator) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(b -> {
            // A DOM click: on an emulated phone, chromedriver's click at coordinates misses buttons near the fold.
            js(b).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
                    b.findElement(locator));
            return true;
        });
    }

    private static void openQueue(WebDriver browser, String username) {
        browser.get(It.BASE_URL + "/portal/queue");
        Browsers.logIn(browser, username, It.DEMO_PASSWORD);
        await(browser, By.cssSelector("[data-queue-list='unassigned']"));
        await(browser, By.cssSelector("#live[data-state='live']"));
    }

    private static void fitsTheScreen(WebDriver browser) {
        var widths = js(browser).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]").toString();
        var parts = widths.replaceAll("[\\[\\] ]", "").split(",");
        assertTrue(Integer.parseInt(parts[0]) <= Integer.parseInt(parts[1]), "no sideways scrolling: " + widths);
        assertTrue(Integer.parseInt(parts[1]) <= 400, "a phone's width: " + widths);
    }


    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }

    private static void screenshot(WebDriver browser, String name) {
        js(browser).executeScript("window.scrollTo(0, 0)");
                Browsers.screenshot(browser, name);
    }

    private static ChromeDriver chromium(String language, boolean phone) {
        return Browsers.chromium(language, phone, 1280, 1400);
    }
}
