package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.enc;
import static dev.orden.it.WorkOrders.listAll;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sorting and range filters by custom-field values, typed by the field's definition. A tenant of its own (signed
 * up here) with one field of each type on its general type, so that publishing versions never touches the demo
 * tenants; seven orders share a marker, and a second marker holds orders with values of another type.
 */
class WorkOrderCustomFieldSortIT {

    private static final String PASSWORD = "sorting-by-fields";

    static String organizationId;
    static String adminUserId;
    static Api admin;
    static String marker;
    /** o[0] … o[6], as created. */
    static final List<String> o = new ArrayList<>();

    @BeforeAll
    static void aTenantWithTypedFieldsAndSevenOrders() {
        var slug = It.unique("sort");
        var email = slug + "-admin@sort.test";
        Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254))).post("/signup",
                Json.createObjectBuilder().add("company", "Sort " + slug).add("slug", slug).add("adminEmail", email)
                        .add("adminName", "Sol Sorter").add("password", PASSWORD).build()).expect(201);
        organizationId = KcAdmin.findOrganizationId(slug).orElseThrow();
        adminUserId = KcAdmin.findUserIdByEmail(email).orElseThrow();
        admin = Api.as(email, PASSWORD);
        Configs.publish(admin, withFields(Configs.active(admin).getJsonObject("bundle"), false));

        marker = It.unique("cfsort");
        //          qty     cost     due           visit (instant)                          label   level   ok
        add(0, v -> v.add("qty", 5).add("cost", 9.5).add("due", "2026-03-10").add("visit", "2026-03-01T10:00:00+01:00")
                .add("label", "beta").add("level", "mid").add("ok", true).add("tags", Json.createArrayBuilder().add("a")), "HIGH");
        add(1, v -> v.add("qty", -2).add("cost", 100.25).add("due", "2025-12-31").add("visit", "2026-03-01T09:30:00Z")
                .add("label", "alpha").add("level", "high").add("ok", false).add("tags", Json.createArrayBuilder()), "LOW");
        add(2, v -> v.add("qty", 5).add("cost", 10).add("due", "2026-03-10").add("visit", "2026-03-01T05:00:00-05:00")
                .add("label", "beta").add("level", "low").add("ok", true), "HIGH");
        add(3, v -> v.add("qty", 10.5).add("due", "2026-01-02"), "LOW");
        add(4, v -> v.add("cost", 10).add("visit", "2026-02-28T23:59:59.5Z").add("label", "  ").add("ok", false), "LOW");
        add(5, v -> v.add("qty", 0).add("cost", 0).add("due", "2024-02-29").add("visit", "2026-03-01T09:00:00Z")
                .add("label", "gamma").add("level", "high"), "LOW");
        add(6, v -> v, "LOW");
    }

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        if (adminUserId != null) KcAdmin.deleteQuietly(() -> KcAdmin.deleteUser(adminUserId));
        if (organizationId != null) KcAdmin.deleteQuietly(() -> KcAdmin.deleteOrganization(organizationId));
    }

    private static void add(int index, java.util.function.UnaryOperator<JsonObjectBuilder> values, String priority) {
        var order = create(admin, order(marker + " o" + index).add("priority", priority)
                .add("customFields", values.apply(Json.createObjectBuilder())));
        assertEquals(index, o.size());
        o.add(order.getString("id"));
    }

    /**
     * The bundle with one optional field of each kind on the general type; {@code asText} makes qty, due and visit
     * text fields, as an older version might have had them.
     */
    static JsonObject withFields(JsonObject bundle, boolean asText) {
        var fields = Json.createArrayBuilder()
                .add(field("qty", asText ? "text" : "number"))
                .add(field("cost", "money").add("currency", "EUR"))
                .add(field("due", asText ? "text" : "date"))
                .add(field("visit", asText ? "text" : "datetime"))
                .add(field("label", "text"))
                .add(field("level", "select").add("options", options("high", "low", "mid")))
                .add(field("ok", "boolean"))
                .add(field("tags", "multiselect").add("options", options("a", "b")))
                .add(field("site", "location"))
                .add(field("notes", "longtext"));
        var types = Json.createArrayBuilder();
        for (var type : bundle.getJsonArray("types").getValuesAs(JsonObject.class)) {
            types.add(!type.getString("key").equals("general") ? Json.createObjectBuilder(type)
                    : Json.createObjectBuilder(type).add("fields", Json.createArrayBuilder(List.of("qty", "cost",
                            "due", "visit", "label", "level", "ok", "tags", "site", "notes"))));
        }
        return Json.createObjectBuilder(bundle).add("fields", fields).add("types", types).build();
    }

    private static JsonObjectBuilder field(String key, String type) {
        return Json.createObjectBuilder().add("key", key).add("type", type)
                .add("label", Json.createObjectBuilder().add("es", key).add("en", key));
    }

    private static JsonArrayBuilder options(String... values) {
        var options = Json.createArrayBuilder();
        for (var value : values) {
            options.add(Json.createObjectBuilder().add("value", value)
                    .add("label", Json.createObjectBuilder().add("es", value).add("en", value)));
        }
        return options;
    }

    /** The marked orders' indexes in the order a list returns them, every page followed. */
    private static List<Integer> listed(String query) {
        return listAll(admin, "q=" + enc(marker) + "&" + query).stream().map(w -> o.indexOf(w.getString("id")))
                .toList();
    }

    /** Descending is ascending reversed, except that orders without a value stay last (by number, descending). */
    private static List<Integer> descending(List<Integer> ascending, int withoutValue) {
        var valued = new ArrayList<>(ascending.subList(0, ascending.size() - withoutValue));
        var missing = new ArrayList<>(ascending.subList(ascending.size() - withoutValue, ascending.size()));
        java.util.Collections.reverse(valued);
        java.util.Collections.reverse(missing);
        return Stream.concat(valued.stream(), missing.stream()).toList();
    }

    @Test
    void numbersSortNumericallyWithOrdersWithoutAValueLastBothWays() {
        assertEquals(List.of(1, 5, 0, 2, 3, 4, 6), listed("sort=cf.qty"));
        assertEquals(List.of(3, 2, 0, 5, 1, 6, 4), listed("sort=-cf.qty"));
    }

    @Test
    void moneySortsByAmountNotAsText() {
        assertEquals(List.of(5, 0, 2, 4, 1, 3, 6), listed("sort=cf.cost"), "9.5 < 10 < 100.25");
        assertEquals(List.of(1, 4, 2, 0, 5, 6, 3), listed("sort=-cf.cost"));
    }

    @Test
    void datesSortByDayAndDateTimesByInstantWhateverTheirOffset() {
        var byDue = List.of(5, 1, 3, 0, 2, 4, 6);
        assertEquals(byDue, listed("sort=cf.due"));
        assertEquals(descending(byDue, 2), listed("sort=-cf.due"));
        // 23:59:59.5Z the day before; 10:00+01:00 = 09:00Z = o5's instant (tie: by number); 09:30Z; 05:00-05:00 = 10:00Z
        var byVisit = List.of(4, 0, 5, 1, 2, 3, 6);
        assertEquals(byVisit, listed("sort=cf.visit"));
        assertEquals(descending(byVisit, 2), listed("sort=-cf.visit"));
    }

    @Test
    void textSelectAndBooleanSortAsTextAndFalseBeforeTrue() {
        var byLabel = List.of(1, 0, 2, 5, 3, 4, 6);
        assertEquals(byLabel, listed("sort=cf.label"), "blank text counts as no value");
        assertEquals(descending(byLabel, 3), listed("sort=-cf.label"));
        assertEquals(List.of(1, 5, 2, 0, 3, 4, 6), listed("sort=cf.level"), "select values, as text");
        var byOk = List.of(1, 4, 0, 2, 3, 5, 6);
        assertEquals(byOk, listed("sort=cf.ok"));
        assertEquals(descending(byOk, 3), listed("sort=-cf.ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cf.qty", "-cf.qty", "cf.cost", "-cf.cost", "cf.due", "-cf.due", "cf.visit", "-cf.visit",
            "cf.label", "-cf.label", "cf.level", "-cf.level", "cf.ok", "-cf.ok"})
    void pagesOfOneAndTwoFollowTheSortAcrossTiesAndMissingValues(String sort) {
        var whole = admin.get("/workorders?q=" + enc(marker) + "&sort=" + sort + "&limit=200").expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(w -> w.getString("id")).toList();
        assertEquals(7, whole.size());
        for (var limit : List.of(1, 2)) {
            var visited = new ArrayList<String>();
            String cursor = null;
            int pages = 0;
            do {
                var page = admin.get("/workorders?q=" + enc(marker) + "&sort=" + sort + "&limit=" + limit
                        + (cursor == null ? "" : "&cursor=" + cursor)).expect(200).json();
                page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(w -> visited.add(w.getString("id")));
                cursor = page.get("nextCursor") instanceof JsonString next ? next.getString() : null;
                assertTrue(++pages <= 7, "too many pages");
            } while (cursor != null);
            assertEquals(whole, visited, "limit " + limit);
        }
    }

    @Test
    void numberAndMoneyRanges() {
        assertEquals(List.of(0, 2, 3), listed("sort=cf.qty&cf.qty.gte=5"));
        assertEquals(List.of(3), listed("sort=cf.qty&cf.qty.gt=5"));
        assertEquals(List.of(1, 5), listed("sort=cf.qty&cf.qty.lte=0"));
        assertEquals(List.of(1), listed("sort=cf.qty&cf.qty.lt=0"));
        assertEquals(List.of(5, 0, 2), listed("sort=cf.qty&cf.qty.gte=0&cf.qty.lt=10.5"));
        assertEquals(List.of(2, 4, 1), listed("sort=cf.cost&cf.cost.gte=10"), "10 and 10.00 are one amount");
        assertEquals(List.of(5, 0), listed("sort=cf.cost&cf.cost.lt=1e1"));
    }

    @Test
    void dateAndDateTimeRanges() {
        assertEquals(List.of(3, 0, 2), listed("sort=cf.due&cf.due.gte=2026-01-01"));
        assertEquals(List.of(5, 1), listed("sort=cf.due&cf.due.lt=2026-01-01"));
        assertEquals(List.of(5, 1, 3), listed("sort=cf.due&cf.due.lte=2026-01-02"));
        assertEquals(List.of(), listed("sort=cf.due&cf.due.gt=2026-03-10"));
        assertEquals(List.of(0, 5, 1, 2), listed("sort=cf.visit&cf.visit.gte=" + enc("2026-03-01T10:00:00+01:00")));
        assertEquals(List.of(1, 2), listed("sort=cf.visit&cf.visit.gt=2026-03-01T09:00Z"));
        assertEquals(List.of(4, 0, 5), listed("sort=cf.visit&cf.visit.lt=" + enc("2026-03-01T04:30:00-05:00")));
        assertEquals(List.of(4, 0, 5, 1), listed("sort=cf.visit&cf.visit.lte=2026-03-01T10:30+01:00"),
                "a '+' left unencoded (a space once decoded) still reads as the offset's sign");
    }

    @Test
    void emptyMeansNoValueBlankTextOrAnEmptyArray() {
        assertEquals(List.of(4, 6), listed("sort=number&cf.qty.empty=true"));
        assertEquals(List.of(0, 1, 2, 3, 5), listed("sort=number&cf.qty.empty=false"));
        assertEquals(List.of(3, 4, 6), listed("sort=number&cf.label.empty=true"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), listed("sort=number&cf.tags.empty=true"));
        assertEquals(List.of(0), listed("sort=number&cf.tags.empty=false"));
    }

    @Test
    void typedFiltersCombineWithEveryOtherFilterAndTheCounts() {
        assertEquals(List.of(2, 0), listed("sort=-cf.cost&cf.qty.gte=0&cf.label=beta"));
        assertEquals(List.of(0, 2), listed("sort=number&priority=HIGH&cf.qty.gte=5"));
        assertEquals(List.of(3), listed("sort=number&priority=LOW&cf.qty.gte=5&cf.due.lt=2026-03-01"));
        var counts = admin.get("/workorders/counts?q=" + enc(marker) + "&cf.qty.gte=5").expect(200).json();
        assertEquals(3, counts.getInt("total"));
        assertEquals(3, counts.getJsonObject("byStatus").getInt("NEW"));
        assertEquals(2, admin.get("/workorders/counts?q=" + enc(marker) + "&cf.qty.empty=true").expect(200).json()
                .getInt("total"));
    }

    @Test
    void sortsAFieldCannotTakeAre422NamingTheSortableFields() {
        var q = "/workorders?q=" + enc(marker);
        for (var sort : List.of("cf.tags", "-cf.site", "cf.notes", "cf.nothere", "cf.", "-cf.bad-key", "title")) {
            var problem = admin.get(q + "&sort=" + sort).problem(422, "validation");
            var errors = problem.getJsonArray("errors").getValuesAs(JsonObject.class);
            assertEquals(List.of("sort"), errors.stream().map(e -> e.getString("field")).toList(), sort);
            assertTrue(errors.getFirst().getString("message").endsWith("custom fields to sort on: cf.cost, cf.due, "
                    + "cf.label, cf.level, cf.ok, cf.qty, cf.visit"), errors.toString());
        }
    }

    @Test
    void typedFiltersThatDoNotFitTheFieldAre422OnTheParameter() {
        var q = "/workorders?q=" + enc(marker);
        assertEquals(Set.of("cf.label.gte"), admin.get(q + "&cf.label.gte=a").invalidFields(), "text has no range");
        assertEquals(Set.of("cf.ok.lt"), admin.get(q + "&cf.ok.lt=true").invalidFields());
        assertEquals(Set.of("cf.tags.gt"), admin.get(q + "&cf.tags.gt=a").invalidFields());
        assertEquals(Set.of("cf.qty.gte"), admin.get(q + "&cf.qty.gte=five").invalidFields());
        assertEquals(Set.of("cf.qty.lte"), admin.get(q + "&cf.qty.lte=1e999999").invalidFields());
        assertEquals(Set.of("cf.due.lt"), admin.get(q + "&cf.due.lt=2026-02-30").invalidFields());
        assertEquals(Set.of("cf.due.gt"), admin.get(q + "&cf.due.gt=01/03/2026").invalidFields());
        assertEquals(Set.of("cf.visit.gte"), admin.get(q + "&cf.visit.gte=2026-03-01T10:00").invalidFields(),
                "a time without offset is ambiguous");
        assertEquals(Set.of("cf.qty.empty"), admin.get(q + "&cf.qty.empty=maybe").invalidFields());
        assertEquals(Set.of("cf.nothere.gte"), admin.get(q + "&cf.nothere.gte=1").invalidFields());
        assertEquals(Set.of("cf.qty.between"), admin.get(q + "&cf.qty.between=1").invalidFields());
        assertEquals(Set.of("cf.qty.gte", "cf.due.lt", "limit"),
                admin.get(q + "&cf.qty.gte=x&cf.due.lt=y&limit=0").invalidFields(), "all at once");
        assertEquals(Set.of("cf.qty.gte"), admin.get("/workorders/counts?cf.qty.gte=x").invalidFields());
    }

    @Test
    void aCursorOnlyServesTheSortItWasMadeFor() {
        var q = "/workorders?q=" + enc(marker) + "&limit=2";
        var cursor = admin.get(q + "&sort=cf.qty").expect(200).json().getString("nextCursor");
        assertEquals(Set.of("cursor"), admin.get(q + "&sort=-cf.qty&cursor=" + cursor).invalidFields());
        assertEquals(Set.of("cursor"), admin.get(q + "&sort=cf.cost&cursor=" + cursor).invalidFields());
        assertEquals(Set.of("cursor"), admin.get(q + "&sort=number&cursor=" + cursor).invalidFields());
        var numberCursor = admin.get(q + "&sort=number").expect(200).json().getString("nextCursor");
        assertEquals(Set.of("cursor"), admin.get(q + "&sort=cf.qty&cursor=" + numberCursor).invalidFields());
    }

    /**
     * Values stored while qty, due and visit were text fields: never an error, no value for the sort and the
     * ranges, but a value for "empty".
     */
    @Test
    void valuesOfAnotherTypeSortAsMissingAndNeverFail() {
        var foreign = It.unique("foreign");
        var typed = Configs.active(admin);
        Configs.publish(admin, withFields(typed.getJsonObject("bundle"), true));
        try {
            for (var values : List.of(
                    Json.createObjectBuilder().add("qty", "abc").add("due", "2026-02-30").add("visit", "2026-03-01T24:00Z"),
                    Json.createObjectBuilder().add("qty", "1e999999").add("due", "0000-01-01")
                            .add("visit", "2026-03-01T10:00+17:00"),
                    Json.createObjectBuilder().add("qty", "7").add("due", "2026-13-01").add("visit", "2026-02-29T10:00Z"))) {
                create(admin, order(foreign).add("customFields", values));
            }
        } finally {
            Configs.rollback(admin, typed.getInt("version"));
        }
        var ours = create(admin, order(foreign).add("customFields", Json.createObjectBuilder().add("qty", 1)
                .add("due", "2026-01-01").add("visit", "2026-01-01T00:00Z"))).getString("id");
        for (var key : List.of("qty", "due", "visit")) {
            for (var sort : List.of("cf." + key, "-cf." + key)) {
                var all = listAll(admin, "q=" + enc(foreign) + "&limit=1&sort=" + sort);
                assertEquals(4, all.size(), sort);
                assertEquals(ours, all.getFirst().getString("id"), sort + ": the one typed value comes first");
            }
            assertEquals(1, listAll(admin, "q=" + enc(foreign) + "&cf." + key + ".empty=false&cf." + key
                    + ".gte=" + (key.equals("qty") ? "-1" : key.equals("due") ? "0001-01-01" : "0001-01-01T00:00Z"))
                    .size(), key);
            assertEquals(4, listAll(admin, "q=" + enc(foreign) + "&cf." + key + ".empty=false").size(), key);
        }
    }
}
