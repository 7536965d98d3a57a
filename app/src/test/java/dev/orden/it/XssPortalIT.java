package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * XSS in the browser: classic payloads planted through the API in every text the portal draws — an order's title,
 * description, custom fields of every text-holding type, comments, attachment names; the configuration's names
 * (types, fields and their options, forms, workflow states, areas, teams, SLA calendars, notification templates,
 * rules and their test cases, the publish note); people's names as far as they can be set; saved views — then every
 * page that shows them opened by each role, in English under the portal's CSP and in Spanish with the CSP bypassed
 * (so that escaping must hold on its own: a payload that became markup would run). On every page: no payload ran
 * (the sentinel {@code window.__xss} is unset), no element or attribute of a payload is in the DOM, the planted
 * text is there as text, and no {@code securitypolicyviolation} was raised. See docs/security.md, "XSS".
 */
class XssPortalIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "xss-portal-pass-1";

    /** Each one sets the sentinel, or leaves an element or attribute the DOM check finds, if it is ever markup. */
    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss='script'</script>",
            "<img src=x onerror=\"window.__xss='img'\">",
            "\"><svg onload=window.__xss='svg'>",
            "'><xss-probe data-xss=1>probe</xss-probe>",
            "\" data-xss=\"dq\" onmouseover=\"window.__xss='dq'",
            "' data-xss='sq' onfocus='window.__xss=1' autofocus='",
            "javascript:window.__xss='js'//",
            "</textarea><img src=x onerror=window.__xss='ta'>",
            "</style><script>window.__xss='style'</script>",
            "</option></select></title><xss-probe>",
            "${window.__xss='tpl'}{{constructor.constructor('window.__xss=1')()}}#{7*7}",
            "\u202Egnp.exe\u202C <b data-xss=rtl>rtl</b> \u200F\u2066\u0645\u0631\u062D\u0628\u0627\u2069",
            "<a href=\"javascript:window.__xss='a'\">link</a><iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
            "<details open ontoggle=window.__xss='details'><math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
            "=cmd|' /C calc'!A0 <img src=x onerror=window.__xss='csv'>");

    /** Every text planted, by where it went (the figures of docs/security.md count these). */
    static final Map<String, String> PLANTED = new LinkedHashMap<>();
    private static int next;

    private static People.Tenant tenant;
    private static String requesterEmail;
    private static String agentEmail;
    private static String dispatcherEmail;
    private static String agentId;
    private static String order;
    private static String unassigned;
    private static int pagesChecked;
    private static int textsSeen;

    /** The next payload, tagged with where it goes so that each planted text is unique and can be looked for. */
    static String plant(String where) {
        return plant(where, 500);
    }

    static String plant(String where, int max) {
        var payload = PAYLOADS.get(next++ % PAYLOADS.size()) + " \u27E8" + where + "\u27E9";
        var text = payload.length() <= max ? payload : payload.substring(payload.length() - max);
        PLANTED.put(where, text);
        return text;
    }

    private static JsonObject bilingual(String where) {
        return Json.createObjectBuilder().add("es", plant(where + ".es")).add("en", plant(where + ".en")).build();
    }

    @BeforeAll
    static void plantPayloadsEverywhere() {
        It.awaitReady();
        KcAdmin.allowPortalAt(It.BASE_URL);
        Mailbox.start();
        tenant = People.signUp("xss");
        requesterEmail = People.email("xss-req");
        agentEmail = People.email("xss-agent");
        dispatcherEmail = People.email("xss-disp");
        var admin = tenant.admin();
        // Keycloak's user profile refuses < > & " = and the like in names, and Orden says so first (422): what
        // remains of a payload is quotes, colons and Unicode direction overrides.
        admin.post("/members", People.invitation(People.email("xss-refused"), PAYLOADS.get(1), "agent"))
                .problem(422, null);
        invite(requesterEmail, plantName("member.requester"), "requester");
        // A name may still start like a spreadsheet formula: the CSV exports must neutralise it.
        agentId = invite(agentEmail, "+34 " + plantName("member.agent"), "agent");
        invite(dispatcherEmail, plantName("member.dispatcher"), "dispatcher");

        publishHostileConfiguration(admin);
        plantOrders(admin);
    }

    private static String plantName(String where) {
        var name = "Ana O'Neil' \u202Eresu\u202C \u27E8" + where + "\u27E9";
        PLANTED.put(where, name);
        return name;
    }

    private static String invite(String email, String name, String role) {
        var id = tenant.admin().post("/members", People.invitation(email, name, role)).expect(201).json()
                .getString("id");
        People.choosePassword(id, PASSWORD);
        return id;
    }

    @AfterAll
    static void forget() {
        Mailbox.stop();
        EventStream.letServersDropClosedStreams();
        People.forgetAll();
        System.out.printf("XssPortalIT: %d payloads, %d texts planted, %d page views checked, %d planted texts seen "
                + "rendered as text%n", PAYLOADS.size(), PLANTED.size(), pagesChecked, textsSeen);
    }

    // ---------------------------------------------------------------- planting

    private static void publishHostileConfiguration(Api admin) {
        var bundle = Configs.active(admin).getJsonObject("bundle");
        var fields = Json.createArrayBuilder()
                .add(field("xText", "text").add("maxLength", 500))
                .add(field("xLong", "longtext"))
                .add(field("xUrl", "url"))
                .add(field("xEmail", "email"))
                .add(field("xPhone", "phone"))
                .add(field("xPlace", "location"))
                .add(field("xSelect", "select").add("options", options("xSelect", 3)))
                .add(field("xMulti", "multiselect").add("options", options("xMulti", 3)));
        var keys = List.of("xText", "xLong", "xUrl", "xEmail", "xPhone", "xPlace", "xSelect", "xMulti");
        var types = Json.createArrayBuilder(bundle.getJsonArray("types"))
                .add(Json.createObjectBuilder().add("key", "xss").add("name", bilingual("type.name"))
                        .add("numberPrefix", "XSS").add("defaultPriority", "NORMAL").add("form", "xss_requester")
                        .add("workflow", "xflow").add("fields", strings(keys)));
        var forms = Json.createArrayBuilder(bundle.getJsonArray("forms"))
                .add(form("xss_agent", "agent", keys)).add(form("xss_requester", "requester", keys));
        var workflows = Json.createArrayBuilder(bundle.getJsonArray("workflows")).add(hostileWorkflow(bundle));
        var hostile = Json.createObjectBuilder(bundle)
                .add("fields", fields)
                .add("types", types)
                .add("forms", forms)
                .add("workflows", workflows)
                .add("areas", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "zona")
                        .add("name", bilingual("area.name")).add("children", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("key", "zona_sub")
                                        .add("name", bilingual("area.child"))))))
                .add("teams", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "equipo")
                        .add("name", bilingual("team.name"))
                        .add("members", Json.createArrayBuilder().add(agentEmail).add(dispatcherEmail))))
                .add("sla", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "xcal")
                        .add("name", bilingual("sla.name")).add("zone", "Europe/Madrid")
                        .add("types", Json.createArrayBuilder().add("xss"))
                        .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "xss")
                                .add("firstResponse", "PT1H").add("resolution", "PT8H")))))
                .add("notifications", hostileNotifications(bundle.getJsonObject("notifications")))
                .add("rules", Json.createArrayBuilder().add(hostileRule()))
                .build();
        var draft = admin.send("PUT", "/admin/config/draft", Api.JSON, hostile.toString(), Map.of()).expect(200)
                .json();
        assertTrue(draft.getBoolean("valid"), draft.toString());
        admin.post("/admin/config/draft/publish", Json.createObjectBuilder().add("note", plant("config.note"))
                .build()).expect(200);
        // A draft whose errors repeat what was written: a team member who is nobody.
        var nobody = plant("draft.member", 200).replace(" ", "").replace("/", "") + "@x.test";
        var teams = admin.send("PUT", "/admin/config/draft/teams", Api.JSON, Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("key", "equipo").add("name", bilingual("draft.team"))
                        .add("members", Json.createArrayBuilder().add(agentEmail).add(nobody))).build().toString(),
                Map.of()).expect(200).json();
        assertFalse(teams.getBoolean("valid"), teams.toString());
        teams.getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("message"))
                .filter(m -> m.contains(nobody)).findFirst().ifPresent(m -> PLANTED.put("draft.error", m));
        PLANTED.put("draft.member", nobody);
    }

    private static JsonObjectBuilder field(String key, String type) {
        return Json.createObjectBuilder().add("key", key).add("label", bilingual("field." + key + ".label"))
                .add("help", bilingual("field." + key + ".help")).add("type", type);
    }

    private static JsonArrayBuilder options(String key, int count) {
        var options = Json.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            options.add(Json.createObjectBuilder().add("value", "o" + i).add("label", bilingual(key + ".o" + i)));
        }
        return options;
    }

    private static JsonObjectBuilder form(String key, String audience, List<String> fields) {
        var entries = Json.createArrayBuilder();
        fields.forEach(f -> entries.add(Json.createObjectBuilder().add("key", f)));
        return Json.createObjectBuilder().add("key", key).add("type", "xss").add("audience", audience)
                .add("sections", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("title", bilingual("form." + key + ".section")).add("fields", entries)));
    }

    /** The default workflow under another key, every state named by a payload. */
    private static JsonObject hostileWorkflow(JsonObject bundle) {
        var original = bundle.getJsonArray("workflows").getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("key").equals("default")).findFirst().orElseThrow();
        var states = Json.createArrayBuilder();
        for (var state : original.getJsonArray("states").getValuesAs(JsonObject.class)) {
            states.add(Json.createObjectBuilder(state).add("name", bilingual("state." + state.getString("key"))));
        }
        return Json.createObjectBuilder(original).add("key", "xflow").add("states", states).build();
    }

    /** A template of payloads, with the order's title and the comment in it, mailed on public comments. */
    private static JsonObject hostileNotifications(JsonObject notifications) {
        var base = notifications == null ? JsonObject.EMPTY_JSON_OBJECT : notifications;
        var events = Json.createObjectBuilder(base.getJsonObject("events") == null ? JsonObject.EMPTY_JSON_OBJECT
                : base.getJsonObject("events"))
                .add("commented_public", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("to", Json.createArrayBuilder().add("requester"))
                        .add("channels", Json.createArrayBuilder().add("inapp").add("email"))
                        .add("template", "xss_tpl")));
        var template = Json.createObjectBuilder();
        for (var language : List.of("es", "en")) {
            template.add(language, Json.createObjectBuilder()
                    .add("subject", "{{number}} " + plant("template.subject." + language, 150))
                    .add("body", plant("template.body." + language) + "\n{{title}}\n{{comment}}\n{{link}}"));
        }
        return Json.createObjectBuilder().add("events", events)
                .add("templates", Json.createObjectBuilder().add("xss_tpl", template)).build();
    }

    /**
     * Rejects a title with REJECT in it by a payload; otherwise logs payloads and leaves an internal and a public
     * comment of payloads. Its name, description and test case's name are payloads too.
     */
    private static JsonObject hostileRule() {
        var rejection = plant("rule.rejection", 300).replace("\"", "");
        var internal = plant("rule.comment.internal").replace("\"", "");
        var publicComment = plant("rule.comment.public").replace("\"", "");
        var logged = plant("rule.log").replace("\"", "");
        PLANTED.put("rule.rejection", rejection);
        PLANTED.put("rule.comment.internal", internal);
        PLANTED.put("rule.comment.public", publicComment);
        PLANTED.put("rule.log", logged);
        var source = "function rule(input) {\n"
                + "  if (input.order.title.includes('REJECT')) return [{type: 'reject', message: " + js(rejection) + "}];\n"
                + "  log(" + js(logged) + ");\n"
                + "  return [{type: 'comment', visibility: 'internal', body: " + js(internal) + "},\n"
                + "          {type: 'comment', visibility: 'public', body: " + js(publicComment) + "}];\n"
                + "}\n";
        var test = Json.createObjectBuilder().add("name", plant("rule.test.name", 200))
                .add("event", "workorder.creating")
                .add("input", Json.createObjectBuilder().add("order", Json.createObjectBuilder().add("type", "xss")
                        .add("title", "REJECT this")))
                .add("expect", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "reject")
                        .add("message", rejection)));
        return Json.createObjectBuilder().add("key", "xss_rule").add("name", plant("rule.name", 200))
                .add("description", plant("rule.description")).add("events", strings(List.of("workorder.creating")))
                .add("order", 10).add("mode", "active").add("types", strings(List.of("xss"))).add("onError", "skip")
                .add("source", source).add("tests", Json.createArrayBuilder().add(test)).build();
    }

    /** A JavaScript string literal of {@code text}. */
    private static String js(String text) {
        return Json.createValue(text).toString();
    }

    private static JsonArray strings(List<String> values) {
        var array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }

    private static void plantOrders(Api admin) {
        var requester = Api.as(requesterEmail, PASSWORD);
        var agent = Api.as(agentEmail, PASSWORD);
        // No link can be planted: a url field holds http(s) addresses only.
        requester.post("/workorders", Json.createObjectBuilder().add("type", "xss").add("title", "x")
                        .add("customFields", Json.createObjectBuilder().add("xUrl", "javascript:window.__xss=1//"))
                        .build()).problem(422, null);
        var url = "https://x.test/'onmouseover='window.__xss=1'/javascript:alert(1)";
        var email = "\"><xss-probe>@x.test";
        PLANTED.put("order.xUrl", url);
        PLANTED.put("order.xEmail", email);
        var longText = new StringBuilder();
        PAYLOADS.forEach(p -> longText.append(p).append('\n'));
        while (longText.length() < 18_000) longText.append(PAYLOADS.get(longText.length() % PAYLOADS.size()));
        var created = WorkOrders.create(requester, Json.createObjectBuilder().add("type", "xss")
                .add("title", plant("order.title", 200)).add("description", plant("order.description") + "\n" + longText)
                .add("area", "zona")
                .add("customFields", Json.createObjectBuilder()
                        .add("xText", plant("order.xText"))
                        .add("xLong", plant("order.xLong"))
                        .add("xUrl", url)
                        .add("xEmail", email)
                        .add("xPhone", "+34600000000")
                        .add("xPlace", Json.createObjectBuilder().add("address", plant("order.xPlace")))
                        .add("xSelect", "o1")
                        .add("xMulti", Json.createArrayBuilder().add("o0").add("o2"))));
        order = created.getString("number");
        WorkOrders.assign(admin, order, agentId, "equipo").expect(200);
        // History entries that repeat values: a field's change from one payload to another, a move with a comment.
        var version = WorkOrders.get(agent, order).getInt("version");
        agent.patch("/workorders/" + order, Json.createObjectBuilder().add("customFields", Json.createObjectBuilder()
                .add("xText", plant("order.xText2"))).build(), version).expect(200);
        agent.post("/workorders/" + order + "/transitions", Json.createObjectBuilder().add("to", "IN_PROGRESS")
                .add("comment", plant("transition.comment")).build()).expect(200);
        WorkOrders.comment(agent, order, plant("comment.public"), "PUBLIC").expect(201);
        WorkOrders.comment(agent, order, plant("comment.internal"), "INTERNAL").expect(201);
        for (var where : List.of("file.name.1", "file.name.2")) {
            var name = plant(where, 120).replace("/", "") + ".png";
            var stored = requester.sendBytes("POST", "/workorders/" + order + "/attachments?filename="
                    + WorkOrders.enc(name), "image/png", png()).expect(201).json();
            PLANTED.put(where, stored.getString("name"));
        }
        unassigned = WorkOrders.create(requester, Json.createObjectBuilder().add("type", "xss")
                .add("title", plant("order2.title", 200)).add("area", "zona_sub")).getString("number");
        agent.post("/me/views", Json.createObjectBuilder().add("name", plant("view.agent", 100)).add("queue", "all")
                .add("filters", JsonObject.EMPTY_JSON_OBJECT).build()).expect(201);
        Api.as(dispatcherEmail, PASSWORD).post("/me/views", Json.createObjectBuilder()
                .add("name", plant("view.dispatcher", 100)).add("queue", "unassigned")
                .add("filters", JsonObject.EMPTY_JSON_OBJECT).build()).expect(201);
    }

    private static byte[] png() {
        var bytes = new byte[2000];
        new Random(7).nextBytes(bytes);
        var magic = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    // ---------------------------------------------------------------- the mail

    @Test
    void theNotificationMailEscapesEveryPayload() {
        var mail = Mailbox.await(requesterEmail, "\u27E8template.subject.", Duration.ofSeconds(30));
        assertTrue(mail.text().contains(PLANTED.get("template.body.en"))
                || mail.text().contains(PLANTED.get("template.body.es")), mail.text());
        for (var marker : List.of("<script", "<img", "<svg", "<xss-probe", "<iframe", "<details", " onerror", "<b ")) {
            assertFalse(mail.html().toLowerCase().contains(marker), marker + " in " + mail.html());
        }
        assertTrue(mail.html().contains("&lt;script&gt;") || mail.html().contains("&lt;img"), mail.html());
    }

    // ---------------------------------------------------------------- the CSV exports

    @Test
    void csvExportsWriteNoFormula() {
        var from = java.time.LocalDate.now().minusDays(30);
        var to = java.time.LocalDate.now().plusDays(1);
        // The agent's name starts a cell of the workload report; in the audit log it is inside the summary.
        var exports = Map.of(
                "/admin/audit", List.of(tenant.admin(), "Invited +34 " + PLANTED.get("member.agent")),
                "/reports/summary?section=workload&from=" + from + "&to=" + to,
                List.of(Api.as(dispatcherEmail, PASSWORD), "'+34 " + PLANTED.get("member.agent")));
        exports.forEach((path, call) -> {
            var api = (Api) call.get(0);
            var expected = (String) call.get(1);
            // The audit log is written after the change commits: the invitation's entry may take a moment.
            var deadline = System.nanoTime() + WAIT.toNanos();
            var csv = csv(api, path);
            while (!csv.contains(expected) && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
                csv = csv(api, path);
            }
            assertTrue(csv.contains(expected), path + ": " + csv);
            for (var record : csv.split("\r\n")) {
                for (var cell : cells(record)) {
                    assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0, cell + " in " + record);
                }
            }
        });
    }

    private static String csv(Api api, String path) {
        return api.send("GET", path, null, null, Map.of("Accept", "text/csv")).expect(200).body();
    }

    /** The cells of one RFC 4180 record (no line breaks inside quotes in these exports). */
    private static List<String> cells(String record) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        var quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted && c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    // ---------------------------------------------------------------- the pages

    @Test
    void requesterPages() {
        for (var english : List.of(true, false)) {
            var browser = chromium(english);
            try {
                signIn(browser, requesterEmail);
                var lang = english ? "en" : "es";
                check(browser, "/portal/", "orden-orders", "order.title", "order2.title");
                check(browser, "/portal/workorders/" + order, "orden-order", "order.title", "comment.public",
                        "rule.comment.public", "file.name.1", "file.name.2");
                check(browser, "/portal/new", "orden-new-order", "type.name." + lang);
                new Select(await(browser, By.id("f-type"))).selectByValue("xss");
                await(browser, By.cssSelector("form[data-type='xss']"));
                checkHere(browser, "/portal/new (xss)", "orden-new-order", "form.xss_requester.section." + lang,
                        "field.xText.label." + lang, "field.xSelect.label." + lang, "xSelect.o1." + lang);
                // The rule's rejection, the server's 422, is shown in the form's summary.
                browser.findElement(By.id("f-title")).sendKeys("REJECT me");
                browser.findElement(By.cssSelector("button[type=submit]")).click();
                await(browser, By.className("form-alert"));
                checkHere(browser, "/portal/new (rejected)", "orden-new-order", "rule.rejection");
                detectorsCatchMarkup(browser, english);
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void agentPages() {
        for (var english : List.of(true, false)) {
            var browser = chromium(english);
            try {
                signIn(browser, agentEmail);
                var lang = english ? "en" : "es";
                check(browser, "/portal/queue", "orden-queue", "order2.title", "view.agent", "state.NEW." + lang,
                        "type.name." + lang, "member.agent");
                check(browser, "/portal/workorders/" + order, "orden-staff-order", "order.title", "comment.public",
                        "comment.internal", "rule.comment.internal", "order.xText2", "transition.comment",
                        "state.IN_PROGRESS." + lang);
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void dispatcherPages() {
        for (var english : List.of(true, false)) {
            var browser = chromium(english);
            try {
                signIn(browser, dispatcherEmail);
                check(browser, "/portal/queue", "orden-queue", "order2.title", "view.dispatcher");
                check(browser, "/portal/dispatch", "orden-dispatch-board", "order2.title");
                check(browser, "/portal/dashboard", "orden-dashboard");
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void adminPages() {
        for (var english : List.of(true, false)) {
            var browser = chromium(english);
            try {
                signIn(browser, tenant.adminEmail(), People.PASSWORD);
                var lang = english ? "en" : "es";
                check(browser, "/portal/admin", "orden-admin-home", "config.note");
                click(browser, await(browser, By.cssSelector("[data-validate]")));
                await(browser, By.cssSelector("[data-check-result='invalid']"));
                checkHere(browser, "/portal/admin (validated)", "orden-admin-home",
                        PLANTED.containsKey("draft.error") ? new String[] {"draft.error"} : new String[0]);
                check(browser, "/portal/queue", "orden-queue", "order2.title", "state.NEW." + lang);
                var editors = new LinkedHashMap<String, List<String>>();
                editors.put("types", List.of("type.name.es", "type.name.en"));
                editors.put("fields", List.of("field.xText.label.es", "field.xMulti.help.en", "xSelect.o2.en"));
                editors.put("forms", List.of("form.xss_requester.section.en"));
                editors.put("workflows", List.of("state.NEW.es", "state.CLOSED.en"));
                editors.put("areas", List.of("area.name.es", "area.child.en"));
                editors.put("teams", List.of("draft.team.en", "draft.member"));
                editors.put("sla", List.of("sla.name.en"));
                editors.put("notifications", List.of("template.body.es", "template.body.en"));
                editors.put("plugins", List.of());
                editors.forEach((editor, texts) ->
                        check(browser, "/portal/admin/" + editor, "orden-admin-" + editor, texts.toArray(String[]::new)));
                check(browser, "/portal/admin/users", "orden-people", "member.agent");
                check(browser, "/portal/admin/audit", "orden-audit");
                check(browser, "/portal/admin/rules", "orden-rules", "rule.name");
                check(browser, "/portal/admin/rules/edit/xss_rule", "orden-rule-editor", "rule.name",
                        "rule.test.name");
                click(browser, await(browser, By.cssSelector("[data-dry-run]")));
                await(browser, By.cssSelector(".dry-table"));
                checkHere(browser, "/portal/admin/rules/edit/xss_rule (dry run)", "orden-rule-editor", "rule.log",
                        "rule.comment.internal");
                check(browser, "/portal/admin/rules/versions", "orden-config-versions", "config.note");
                check(browser, "/portal/workorders/" + order, "orden-staff-order", "order.title", "comment.internal");
                Browsers.screenshot(browser, "xss-staff-order-" + lang);
                check(browser, "/portal/dashboard", "orden-dashboard");
            } finally {
                browser.quit();
            }
        }
    }

    // ---------------------------------------------------------------- the checks

    /** Opens {@code path} (a new document: sentinel and CSP log start empty) and checks it. */
    private static void check(WebDriver browser, String path, String tag, String... expected) {
        browser.get(It.BASE_URL + path);
        checkHere(browser, path, tag, expected);
    }

    private static void checkHere(WebDriver browser, String what, String tag, String... expected) {
        var wanted = new ArrayList<String>();
        for (var where : expected) wanted.add(java.util.Objects.requireNonNull(PLANTED.get(where), where));
        await(browser, By.tagName(tag));
        try {
            new WebDriverWait(browser, WAIT).until(d -> {
                var text = renderedText(d, tag);
                return wanted.stream().allMatch(text::contains) && !text.contains(loadingText(d));
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            var text = renderedText(browser, tag);
            throw new AssertionError(what + ": not shown as text: "
                    + wanted.stream().filter(w -> !text.contains(w)).toList() + "\n" + text.substring(0,
                    Math.min(2000, text.length())), e);
        }
        var text = renderedText(browser, tag);
        var seen = PLANTED.values().stream().filter(text::contains).count();
        var injected = js(browser).executeScript(DOM_CHECK);
        assertEquals(List.of(), injected, what + ": elements or attributes of a payload in the DOM");
        assertEquals(null, js(browser).executeScript("return window.__xss ?? null"), what + ": a payload ran");
        assertEquals(List.of(), js(browser).executeScript("return window.__cspViolations ?? []"),
                what + ": CSP violations");
        pagesChecked++;
        textsSeen += (int) seen;
        System.out.printf("XssPortalIT: %s — %d planted texts seen%n", what, seen);
    }

    /**
     * The checks themselves, on a payload written into the page as markup (what a missed escape would do): the DOM
     * check finds it, and the payload either runs (CSP bypassed) or is a CSP violation (CSP enforced).
     */
    private static void detectorsCatchMarkup(WebDriver browser, boolean cspEnforced) {
        js(browser).executeScript("document.querySelector('main, body').insertAdjacentHTML('beforeend', arguments[0])",
                PAYLOADS.get(1));
        assertTrue(String.valueOf(js(browser).executeScript(DOM_CHECK)).contains("img[onerror]"));
        if (cspEnforced) {
            new WebDriverWait(browser, WAIT).until(d -> !((List<?>) js(d).executeScript(
                    "return window.__cspViolations")).isEmpty());
        } else {
            new WebDriverWait(browser, WAIT).until(d -> "img".equals(js(d).executeScript("return window.__xss")));
        }
    }

    private static String loadingText(WebDriver browser) {
        var lang = String.valueOf(js(browser).executeScript("return document.documentElement.lang"));
        return lang.startsWith("es") ? "Cargando…" : "Loading…";
    }

    /** The page's text, the values of its controls and its accessible labels: where a planted text may show. */
    private static String renderedText(WebDriver browser, String tag) {
        return String.valueOf(js(browser).executeScript("""
                const parts = [document.body.textContent];
                document.querySelectorAll('input, textarea').forEach(i => parts.push(i.value));
                document.querySelectorAll('[aria-label], [title]').forEach(e =>
                  parts.push(e.getAttribute('aria-label') ?? '', e.getAttribute('title') ?? ''));
                return parts.join('\\n');"""));
    }

    /** What a payload that became markup leaves behind, whatever the CSP let it do. */
    private static final String DOM_CHECK = """
            const found = [];
            for (const el of document.querySelectorAll('*')) {
              const tag = el.tagName.toLowerCase();
              for (const a of el.attributes) {
                const name = a.name.toLowerCase();
                if (name.startsWith('on') || name === 'data-xss' || name === 'srcdoc') found.push(tag + '[' + name + ']');
                if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)
                    && /^\\s*javascript:/i.test(a.value)) found.push(tag + '[' + name + '=javascript:]');
              }
              if (['xss-probe', 'math', 'mglyph', 'object', 'embed', 'marquee'].includes(tag)) found.push(tag);
              if (tag === 'img' && el.getAttribute('src') === 'x') found.push('img[src=x]');
              if (tag === 'script' && (!el.src || new URL(el.src).origin !== location.origin)) found.push('script');
              if (tag === 'style' && el.textContent.includes('__xss')) found.push('style');
            }
            return found;""";

    /** Counts the page's CSP violations from its first script on, before any of the portal's. */
    private static final String CSP_LISTENER = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
              e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));""";

    /**
     * English under the portal's CSP, violations counted; Spanish with the CSP bypassed, so that a payload that
     * became markup would run and set the sentinel.
     */
    private static ChromeDriver chromium(boolean english) {
        var browser = Browsers.chromium(english ? "en-US" : "es-ES", false, 1280, 1000);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_LISTENER));
        if (!english) browser.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
        return browser;
    }

    private static void signIn(WebDriver browser, String username) {
        signIn(browser, username, PASSWORD);
    }

    private static void signIn(WebDriver browser, String username, String password) {
        browser.get(It.BASE_URL + "/portal/");
        Browsers.logIn(browser, username, password);
        await(browser, By.cssSelector("orden-orders h1"));
    }

    private static void click(WebDriver browser, WebElement element) {
        js(browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static WebElement await(WebDriver browser, By locator) {
        return Browsers.awaitPresent(browser, locator);
    }

    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }
}
