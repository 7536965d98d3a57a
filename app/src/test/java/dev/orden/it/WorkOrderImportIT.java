package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CSV import of work orders: a dry run reports each row's errors and stores nothing; one bad row of a thousand
 * stores nothing; a good file gets numbers, history and SLA clocks and tells nobody; another tenant is never reached.
 */
class WorkOrderImportIT {

    static final List<String> emails = new ArrayList<>();
    static String slug;
    static String otherSlug;
    static UUID tenant;
    static UUID other;
    static Api admin;
    static Api agent;
    static Api otherAdmin;
    static String agentEmail;
    static String otherAdminEmail;

    @BeforeAll
    static void aTenantWithFieldsTargetsTeamsAndAreas() {
        slug = It.unique("imp");
        var adminEmail = slug + "-admin@porting.test";
        emails.add(adminEmail);
        tenant = Porting.signup(slug, adminEmail);
        admin = Api.as(adminEmail, Porting.PASSWORD);
        agentEmail = slug + "-agent@porting.test";
        emails.add(agentEmail);
        agent = Porting.person(slug, agentEmail, "agent");
        var bundle = Configs.active(admin).getJsonObject("bundle");
        Configs.publish(admin, Porting.withImportables(bundle, List.of(agentEmail)));
        otherSlug = It.unique("imp-other");
        otherAdminEmail = otherSlug + "-admin@porting.test";
        emails.add(otherAdminEmail);
        other = Porting.signup(otherSlug, otherAdminEmail);
        otherAdmin = Api.as(otherAdminEmail, Porting.PASSWORD);
        otherAdmin.me();
    }

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        KcAdmin.forgetTenant(null, emails);
        if (slug != null) KcAdmin.forgetTenant(slug, List.of());
        if (otherSlug != null) KcAdmin.forgetTenant(otherSlug, List.of());
    }

    private static long orders(UUID tenantId) {
        return Db.countAs(tenantId, "SELECT count(*) FROM work_order");
    }

    @Test
    void aDryRunReportsEveryRowsErrorsAndStoresNothing() {
        var before = orders(tenant);
        var report = Porting.csv(admin, "/admin/imports/workorders?dryRun=true", """
                title,priority,qty,level,Assignee Email
                Good one,HIGH,3,high,
                Bad priority,SOMETIMES,1,low,
                Bad field,LOW,many,medium,%s
                """.formatted(otherAdminEmail)).expect(200).json();
        assertTrue(report.getBoolean("dryRun"));
        assertEquals(3, report.getInt("rows"));
        assertEquals(1, report.getInt("valid"));
        assertEquals(0, report.getInt("imported"));
        var errors = report.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertTrue(errors.stream().anyMatch(e -> e.getInt("row") == 2 && e.getString("column").equals("priority")),
                report.toString());
        assertTrue(errors.stream().anyMatch(e -> e.getInt("row") == 3 && e.getString("column").equals("qty")),
                report.toString());
        assertTrue(errors.stream().anyMatch(e -> e.getInt("row") == 3 && e.getString("column").equals("level")),
                report.toString());
        assertTrue(errors.stream()
                        .anyMatch(e -> e.getInt("row") == 3 && e.getString("column").equals("Assignee Email")),
                "another tenant's admin is nobody here: " + report);
        assertEquals(before, orders(tenant));
    }

    @Test
    void aFileNamedInAnAttachmentCellIsRefusedForItsRow() {
        var file = "[{\"\"id\"\":\"\"%s\"\",\"\"name\"\":\"\"a.png\"\"}]".formatted(UUID.randomUUID());
        var report = Porting.csv(admin, "/admin/imports/workorders?dryRun=true", """
                title,photos
                With a file,"%s"
                Without one,
                """.formatted(file)).expect(200).json();
        assertEquals(1, report.getInt("valid"), report.toString());
        var error = report.getJsonArray("errors").getJsonObject(0);
        assertEquals(1, error.getInt("row"), report.toString());
        assertEquals("photos", error.getString("column"));
        assertTrue(error.getString("message").contains("an imported order has no files yet"), error.toString());
    }

    @Test
    void oneBadRowOfAThousandStoresNothing() {
        var before = orders(tenant);
        var counter = Db.countAs(tenant, "SELECT coalesce(max(last_number), 0) FROM work_order_counter");
        var csv = new StringBuilder("title,priority,qty,level\n");
        for (int row = 1; row <= 1000; row++) {
            csv.append("Order ").append(row).append(",NORMAL,").append(row).append(',')
                    .append(row == 999 ? "medium" : "low").append('\n');
        }
        var problem = Porting.csv(admin, "/admin/imports/workorders?dryRun=false", csv.toString())
                .problem(422, "validation");
        assertEquals(1000, problem.getInt("rows"));
        assertEquals(0, problem.getInt("imported"));
        var errors = problem.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(1, errors.size(), problem.toString());
        assertEquals(999, errors.getFirst().getInt("row"));
        assertEquals("level", errors.getFirst().getString("column"));
        assertEquals(before, orders(tenant), "two batches were written before row 999, and rolled back");
        assertEquals(counter, Db.countAs(tenant, "SELECT coalesce(max(last_number), 0) FROM work_order_counter"));
    }

    @Test
    void aGoodFileIsNumberedRecordedAndTimedButTellsNobody() {
        var first = admin.post("/workorders", jakarta.json.Json.createObjectBuilder().add("title", "Before")
                .add("customFields", jakarta.json.Json.createObjectBuilder().add("qty", 1)).build()).expect(201).json();
        long number = first.getJsonNumber("sequence").longValue();
        var created = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var report = Porting.csv(admin, "/admin/imports/workorders?dryRun=false", """
                title,description,priority,status,assignee_email,team,area,created_at,cf.qty,level
                "Imported, first","Two
                lines",HIGH,,%s,field,north,%s,2,high
                Imported second,,LOW,RESOLVED,%s,field,south,%s,5,
                """.formatted(agentEmail, created, agentEmail, created)).expect(200).json();
        assertEquals(2, report.getInt("imported"), report.toString());

        var one = admin.get("/workorders/" + (number + 1)).expect(200).json();
        assertEquals("Imported, first", one.getString("title"));
        assertEquals("Two\nlines", one.getString("description"));
        assertEquals("NEW", one.getString("status"));
        assertEquals(agent.id(), one.getJsonObject("assignee").getString("id"), one.toString());
        assertEquals("field", one.getString("team"));
        assertEquals("north", one.getString("area"));
        assertEquals(created, Instant.parse(one.getString("createdAt")));
        assertEquals(2, one.getJsonObject("customFields").getInt("qty"));
        var sla = one.getJsonObject("sla");
        assertEquals(created.plus(Duration.ofHours(1)), Instant.parse(sla.getString("firstResponseDue")),
                sla.toString());
        assertEquals(created.plus(Duration.ofHours(4)), Instant.parse(sla.getString("resolutionDue")));

        var history = admin.get("/workorders/" + (number + 1) + "/history").expect(200).array()
                .getValuesAs(JsonObject.class);
        assertEquals(1, history.size(), history.toString());
        assertEquals("CREATED", history.getFirst().getString("kind"));
        assertTrue(history.getFirst().getString("comment").matches("Imported by .+ from row 1"), history.toString());

        var two = admin.get("/workorders/" + (number + 2)).expect(200).json();
        assertEquals("RESOLVED", two.getString("status"));
        assertFalse(two.getJsonObject("sla").isNull("resolutionMetAt"), two.toString());

        assertEquals(0, agent.get("/notifications/unread-count").expect(200).json().getInt("unread"),
                "an import notifies nobody");
    }

    @Test
    void onlyTenantAdminsImportAndAnotherTenantsImportStaysThere() {
        Porting.csv(agent, "/admin/imports/workorders", "title\nx\n").problem(403, null);
        var before = orders(tenant);
        Porting.csv(otherAdmin, "/admin/imports/workorders?dryRun=false", "title\nTheirs\n").expect(200);
        assertEquals(1, orders(other));
        assertEquals(before, orders(tenant));
    }

    @Test
    void aHeaderWithoutATitleOrWithUnknownColumnsIsRefusedBeforeAnyRow() {
        var problem = Porting.csv(admin, "/admin/imports/workorders?dryRun=false", "priority,not a key!\nLOW,x\n")
                .problem(422, "validation");
        var columns = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("column")).toList();
        assertEquals(List.of("not a key!", "title"), columns);
        assertEquals(0, problem.getInt("rows"));
    }
}
