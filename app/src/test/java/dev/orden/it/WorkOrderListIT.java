package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.listAll;
import static dev.orden.it.WorkOrders.move;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filters, sorting, cursor pagination and counts over seven orders that share a marker unique to this run (the
 * database may hold anything else).
 */
class WorkOrderListIT {

    static Api dispatcher;
    static Api agent;
    static Api requester;
    static String marker;
    static String needle;
    /** o[0] … o[6], as created; their ids. */
    static List<String> o = new ArrayList<>();

    @BeforeAll
    static void sevenOrders() {
        dispatcher = Api.as(It.ACME_DISPATCHER);
        agent = Api.as(It.ACME_AGENT);
        requester = Api.as(It.ACME_REQUESTER);
        marker = It.unique("list");
        needle = It.unique("needle");
        // 0: the requester's own, NEW, unassigned
        o.add(create(requester, order(marker + " own request").add("priority", "low")).getString("id"));
        // 1: ASSIGNED to the agent, team field, repair, HIGH
        o.add(create(dispatcher, order(marker + " repair one").add("type", "repair").add("priority", "HIGH")
                .add("customFields", Configs.acmeVisit())
                .add("assignee", agent.id()).add("team", "field")).getString("id"));
        // 2: the dispatcher's own work, IN_PROGRESS, office, install, URGENT
        o.add(create(dispatcher, order(marker + " install office").add("type", "installation").add("priority", "URGENT")
                .add("customFields", Configs.acmeVisit())
                .add("assignee", dispatcher.id()).add("team", "office")).getString("id"));
        move(dispatcher, o.get(2), "IN_PROGRESS");
        // 3: RESOLVED by the agent, team field, repair
        o.add(create(dispatcher, order(marker + " repair two").add("type", "repair").add("customFields", Configs.acmeVisit())
                .add("assignee", agent.id()).add("team", "field")).getString("id"));
        move(agent, o.get(3), "IN_PROGRESS");
        move(agent, o.get(3), "RESOLVED", Json.createObjectBuilder().add("diagnosis", "worn belt"));
        // 4: NEW with a team but no one, install, HIGH, area norte
        o.add(create(dispatcher, order(marker + " install north").add("type", "installation").add("priority", "high")
                .add("customFields", Configs.acmeVisit())
                .add("team", "field").add("area", "norte")).getString("id"));
        // 5: for the requester, found also by a word in its description only
        o.add(create(dispatcher, order(marker + " on behalf").add("description", "Mentions " + needle + " inside")
                .add("requesterId", requester.id())).getString("id"));
        // 6: CANCELLED, LOW
        o.add(create(dispatcher, order(marker + " cancelled").add("priority", "LOW")).getString("id"));
        move(dispatcher, o.get(6), "CANCELLED");
        // The first order becomes the most recently updated one, so updatedAt and createdAt orders differ.
        var first = WorkOrders.get(dispatcher, o.get(0));
        dispatcher.patch("/workorders/" + o.get(0), Json.createObjectBuilder().add("area", "sur").build(),
                first.getInt("version")).expect(200);
    }

    private static Set<String> ids(Api api, String filters) {
        return listAll(api, "q=" + enc(marker) + (filters.isEmpty() ? "" : "&" + filters)).stream()
                .map(w -> w.getString("id")).collect(Collectors.toSet());
    }

    private static Set<String> orders(int... indexes) {
        var set = new HashSet<String>();
        for (int i : indexes) set.add(o.get(i));
        return set;
    }

    @Test
    void textSearchMatchesTitleAndDescriptionIgnoringCase() {
        assertEquals(orders(0, 1, 2, 3, 4, 5, 6), ids(dispatcher, ""));
        assertEquals(orders(0, 1, 2, 3, 4, 5, 6),
                listAll(dispatcher, "q=" + enc(marker.toUpperCase())).stream().map(w -> w.getString("id"))
                        .collect(Collectors.toSet()));
        assertEquals(orders(5), listAll(dispatcher, "q=" + enc(needle)).stream().map(w -> w.getString("id"))
                .collect(Collectors.toSet()));
        assertEquals(List.of(), listAll(dispatcher, "q=" + enc(marker + "-nothing-like-this")));
    }

    @Test
    void customFieldFiltersMatchValuesAsTextOrLiteralAndCombine() {
        var tag = It.unique("cf");
        // acme's serial is text; numeric values are stored while a version that makes it a number is active
        var admin = Api.as(It.ACME_ADMIN);
        var original = Configs.active(admin);
        String numeric;
        try {
            Configs.publish(admin, Configs.withField(original.getJsonObject("bundle"), "serial",
                    Json.createObjectBuilder().add("key", "serial").add("label", Json.createObjectBuilder()
                            .add("es", "Serie").add("en", "Serial")).add("type", "number").build()));
            numeric = create(dispatcher, order(tag + " numeric").add("customFields", Json.createObjectBuilder()
                    .add("serial", 12).add("model", "X100").add("warranty", true))).getString("id");
            create(dispatcher, order(tag + " other").add("customFields", Json.createObjectBuilder().add("serial", 13)));
        } finally {
            Configs.rollback(admin, original.getInt("version"));
        }
        var text = create(dispatcher, order(tag + " text").add("customFields", Json.createObjectBuilder()
                .add("serial", "12").add("model", "X200"))).getString("id");
        Function<String, Set<String>> found = filters -> listAll(dispatcher, "q=" + enc(tag) + "&" + filters)
                .stream().map(w -> w.getString("id")).collect(Collectors.toSet());

        assertEquals(Set.of(numeric, text), found.apply("cf.serial=12"));
        assertEquals(Set.of(numeric), found.apply("cf.serial=12&cf.model=X100"));
        assertEquals(Set.of(numeric), found.apply("cf.warranty=true"));
        assertEquals(Set.of(text), found.apply("cf.model=" + enc("X200")));
        assertEquals(Set.of(), found.apply("cf.model=x100"), "values match exactly");
        assertEquals(Set.of(), found.apply("cf.nothere=12"));
        assertEquals(2, dispatcher.get("/workorders/counts?q=" + enc(tag) + "&cf.serial=12").expect(200).json()
                .getInt("total"));
        assertEquals(Set.of("cf.bad-key"), dispatcher.get("/workorders?cf.bad-key=1").invalidFields());
    }

    @Test
    void wildcardsInTheSearchTextAreLiteral() {
        var wild = It.unique("wild");
        var percent = create(dispatcher, order(wild + " 100%_done")).getString("id");
        var found = listAll(dispatcher, "q=" + enc("100%_done"));
        assertTrue(found.stream().anyMatch(w -> w.getString("id").equals(percent)));
        assertTrue(found.stream().allMatch(w -> w.getString("title").contains("100%_done")), found.toString());
        assertTrue(listAll(dispatcher, "q=" + enc("%")).stream()
                .allMatch(w -> (w.getString("title") + w.getString("description", "")).contains("%")),
                "'%' must match a percent sign, not everything");
        assertEquals(List.of(), listAll(dispatcher, "q=" + enc(wild.replace('-', '_'))),
                "'_' must match an underscore, not any character");
        assertEquals(List.of(percent), listAll(dispatcher, "q=" + enc(wild)).stream().map(w -> w.getString("id"))
                .toList());
    }

    @Test
    void statusFilterTakesRepeatedParametersAndCommaLists() {
        assertEquals(orders(0, 4, 5), ids(dispatcher, "status=NEW"));
        assertEquals(orders(0, 4, 5, 6), ids(dispatcher, "status=NEW&status=CANCELLED"));
        assertEquals(orders(0, 4, 5, 6), ids(dispatcher, "status=NEW,CANCELLED"));
        assertEquals(orders(2, 3), ids(dispatcher, "status=IN_PROGRESS,RESOLVED"));
        assertEquals(orders(), ids(dispatcher, "status=in_progress"), "state keys are data and match exactly");
        assertEquals(orders(1), ids(dispatcher, "status=ASSIGNED"));
    }

    @Test
    void assigneeFilterTakesMeNoneAndAUserId() {
        assertEquals(orders(1, 3), ids(agent, "assignee=me"));
        assertEquals(orders(2), ids(dispatcher, "assignee=me"));
        assertEquals(orders(1, 3), ids(dispatcher, "assignee=" + agent.id()));
        assertEquals(orders(0, 4, 5, 6), ids(dispatcher, "assignee=none"));
    }

    @Test
    void teamTypeAreaAndPriorityFilters() {
        assertEquals(orders(1, 3, 4), ids(dispatcher, "team=field"));
        assertEquals(orders(2), ids(dispatcher, "team=office"));
        assertEquals(orders(1, 3), ids(dispatcher, "type=repair"));
        assertEquals(orders(2, 4), ids(dispatcher, "type=installation"));
        assertEquals(orders(4), ids(dispatcher, "area=norte"));
        assertEquals(orders(1, 4), ids(dispatcher, "priority=high"));
        assertEquals(orders(0, 6), ids(dispatcher, "priority=LOW"));
        assertEquals(orders(1, 3), ids(dispatcher, "team=field&type=repair"));
        assertEquals(orders(4), ids(dispatcher, "team=field&status=NEW&priority=HIGH"));
    }

    @Test
    void requesterFilterAndRequestersSeeingOnlyTheirOwn() {
        assertEquals(orders(0, 5), ids(dispatcher, "requester=" + requester.id()));
        assertEquals(orders(0, 5), ids(requester, "requester=me"));
        assertEquals(orders(0, 5), ids(requester, ""));
        // A requester cannot widen the scope by naming someone else.
        assertEquals(orders(0, 5), ids(requester, "requester=" + dispatcher.id()));
        // Other filters narrow the requester's own orders, never widen them: the agent's are not theirs.
        assertEquals(Set.of(), ids(requester, "assignee=" + agent.id()));
        assertEquals(List.of(o.get(5)), listAll(requester, "q=" + enc(needle)).stream().map(w -> w.getString("id"))
                .toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"number", "-number", "createdAt", "-createdAt", "updatedAt", "-updatedAt", ""})
    void pagingWithLimitTwoVisitsEveryOrderOnceInSortOrder(String sort) {
        var visited = new ArrayList<JsonObject>();
        var pageSizes = new ArrayList<Integer>();
        String cursor = null;
        do {
            var page = dispatcher.get("/workorders?q=" + enc(marker) + "&limit=2"
                    + (sort.isEmpty() ? "" : "&sort=" + enc(sort)) + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200).json();
            var items = page.getJsonArray("items").getValuesAs(JsonObject.class);
            pageSizes.add(items.size());
            visited.addAll(items);
            cursor = page.get("nextCursor") instanceof JsonString next ? next.getString() : null;
            assertTrue(pageSizes.size() <= 4, "too many pages: " + pageSizes);
        } while (cursor != null);
        assertEquals(List.of(2, 2, 2, 1), pageSizes);
        var ids = visited.stream().map(w -> w.getString("id")).toList();
        assertEquals(7, new HashSet<>(ids).size(), "duplicates: " + ids);
        assertEquals(orders(0, 1, 2, 3, 4, 5, 6), new HashSet<>(ids));

        var effective = sort.isEmpty() ? "-createdAt" : sort;
        var expected = new ArrayList<>(visited);
        expected.sort(comparator(effective));
        assertEquals(expected.stream().map(w -> w.getString("id")).toList(), ids, "order for sort " + effective);
    }

    @Test
    void sortByUpdatedAtDiffersFromCreatedAtWhenOrdersChangeLater() {
        var byUpdated = listAll(dispatcher, "q=" + enc(marker) + "&sort=-updatedAt");
        assertEquals(o.get(0), byUpdated.getFirst().getString("id"), "the last patched order comes first");
        var byCreated = listAll(dispatcher, "q=" + enc(marker) + "&sort=createdAt");
        assertEquals(o, byCreated.stream().map(w -> w.getString("id")).toList());
        var byNumber = listAll(dispatcher, "q=" + enc(marker) + "&sort=number");
        assertEquals(o, byNumber.stream().map(w -> w.getString("id")).toList());
    }

    @Test
    void badCursorSortOrLimitIs422NamingTheParameter() {
        var q = "/workorders?q=" + enc(marker);
        assertEquals(Set.of("cursor"), dispatcher.get(q + "&cursor=not-a-cursor").invalidFields());
        assertEquals(Set.of("cursor"), dispatcher.get(q + "&cursor=" + java.util.Base64.getUrlEncoder()
                .encodeToString("number|x|y".getBytes(StandardCharsets.UTF_8))).invalidFields());
        var firstPage = dispatcher.get(q + "&limit=2&sort=number").expect(200).json();
        var numberCursor = firstPage.getString("nextCursor");
        assertEquals(Set.of("cursor"), dispatcher.get(q + "&limit=2&sort=-createdAt&cursor=" + numberCursor)
                .invalidFields(), "a cursor is only valid with the sort it was made for");
        assertEquals(Set.of("sort"), dispatcher.get(q + "&sort=title").invalidFields());
        assertEquals(Set.of("limit"), dispatcher.get(q + "&limit=0").invalidFields());
        assertEquals(Set.of("limit"), dispatcher.get(q + "&limit=201").invalidFields());
        assertEquals(Set.of("status"), dispatcher.get(q + "&status=NO-SUCH").invalidFields());
        assertEquals(Set.of("category"), dispatcher.get(q + "&category=DONE").invalidFields());
        assertEquals(Set.of("priority"), dispatcher.get(q + "&priority=whenever").invalidFields());
        assertEquals(Set.of("status", "limit"), dispatcher.get(q + "&status=9&limit=-1").invalidFields());
        dispatcher.get(q + "&limit=200").expect(200);
        dispatcher.get(q + "&limit=1").expect(200);
    }

    @Test
    void withoutALimitAPageHoldsFiftyOrders() {
        // Enough orders for more than one default page, whatever else the database holds.
        var total = dispatcher.get("/workorders/counts").expect(200).json().getInt("total");
        for (int i = total; i <= 50; i++) create(dispatcher, It.unique("filler"));
        var page = dispatcher.get("/workorders").expect(200).json();
        assertEquals(50, page.getJsonArray("items").size());
        assertTrue(page.get("nextCursor") instanceof JsonString, page.toString());
    }

    @Test
    void countsMatchTheListForTheSameFilters() {
        for (var filters : List.of("", "status=NEW", "team=field", "assignee=none", "priority=HIGH",
                "type=repair&status=RESOLVED", "requester=" + requester.id())) {
            var listed = listAll(dispatcher, "q=" + enc(marker) + (filters.isEmpty() ? "" : "&" + filters));
            var counts = dispatcher.get("/workorders/counts?q=" + enc(marker)
                    + (filters.isEmpty() ? "" : "&" + filters)).expect(200).json();
            assertEquals(listed.size(), counts.getJsonNumber("total").longValue(), "total for " + filters);
            Map<String, Long> fromList = listed.stream()
                    .collect(Collectors.groupingBy(w -> w.getString("status"), Collectors.counting()));
            assertEquals(fromList, longs(counts.getJsonObject("byStatus")), "byStatus for " + filters);
            var byCategory = new HashMap<String, Long>(Map.of("new", 0L, "open", 0L, "pending", 0L,
                    "resolved", 0L, "closed", 0L));
            listed.forEach(w -> byCategory.merge(w.getString("statusCategory"), 1L, Long::sum));
            assertEquals(byCategory, longs(counts.getJsonObject("byCategory")), "byCategory for " + filters);
        }
        var all = dispatcher.get("/workorders/counts?q=" + enc(marker)).expect(200).json();
        assertEquals(7, all.getJsonNumber("total").longValue());
        assertEquals(Map.of("NEW", 3L, "ASSIGNED", 1L, "IN_PROGRESS", 1L, "RESOLVED", 1L, "CANCELLED", 1L),
                longs(all.getJsonObject("byStatus")));
        assertEquals(Map.of("new", 3L, "open", 2L, "pending", 0L, "resolved", 1L, "closed", 1L),
                longs(all.getJsonObject("byCategory")));
        assertEquals(2, requester.get("/workorders/counts?q=" + enc(marker)).expect(200).json()
                .getJsonNumber("total").longValue(), "requesters count only their own");
        assertEquals(Set.of("status"), dispatcher.get("/workorders/counts?status=NO-SUCH").invalidFields());
        assertEquals(Set.of("category"), dispatcher.get("/workorders/counts?category=done").invalidFields());
    }

    @Test
    void theCategoryFilterSpansTheStatesOfEveryWorkflow() {
        var open = listAll(dispatcher, "q=" + enc(marker) + "&category=open,pending");
        assertEquals(Set.of(o.get(1), o.get(2)), open.stream().map(w -> w.getString("id")).collect(Collectors.toSet()));
        var doneOrNew = listAll(dispatcher, "q=" + enc(marker) + "&category=resolved&category=NEW");
        assertEquals(4, doneOrNew.size());
        assertEquals(List.of(), listAll(dispatcher, "q=" + enc(marker) + "&category=new&status=CANCELLED"),
                "status and category filters combine (no order is CANCELLED and of category new)");
    }

    private static Map<String, Long> longs(JsonObject counts) {
        var map = new HashMap<String, Long>();
        counts.forEach((key, value) -> map.put(key, ((jakarta.json.JsonNumber) value).longValue()));
        return map;
    }

    private static Comparator<JsonObject> comparator(String sort) {
        boolean descending = sort.startsWith("-");
        var field = descending ? sort.substring(1) : sort;
        Comparator<JsonObject> byNumber = Comparator.comparingLong(w -> w.getJsonNumber("sequence").longValue());
        Comparator<JsonObject> order = field.equals("number") ? byNumber
                : Comparator.comparing((Function<JsonObject, Instant>) w -> Instant.parse(w.getString(field)))
                        .thenComparing(byNumber);
        return descending ? order.reversed() : order;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
