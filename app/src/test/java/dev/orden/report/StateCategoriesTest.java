package dev.orden.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCategoriesTest {

    private static jakarta.json.JsonObjectBuilder state(String key, String category) {
        return Json.createObjectBuilder().add("key", key).add("category", category);
    }

    @Test
    void eachTypeGetsItsOwnWorkflowsCategories() {
        var bundle = Json.createObjectBuilder()
                .add("workflows", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "default").add("states", Json.createArrayBuilder()
                                .add(state("NEW", "new")).add(state("WAITING", "pending"))))
                        .add(Json.createObjectBuilder().add("key", "field").add("states", Json.createArrayBuilder()
                                .add(state("WAITING", "open")))))
                .add("types", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "general").add("workflow", "default"))
                        .add(Json.createObjectBuilder().add("key", "visit").add("workflow", "field"))
                        .add(Json.createObjectBuilder().add("key", "orphan").add("workflow", "gone")))
                .build();
        var states = StateCategories.of(bundle);
        assertEquals(List.of("general", "general", "visit"), states.types());
        assertEquals(List.of("NEW", "WAITING", "WAITING"), states.keys());
        assertEquals(List.of("new", "pending", "open"), states.categories());
    }

    @Test
    void aBundleWithoutWorkflowsHasNone() {
        assertEquals(StateCategories.NONE, StateCategories.of(Json.createObjectBuilder().build()));
    }

    @Test
    void arrayElementsAreQuotedForPostgres() {
        var sql = new ReportSql();
        assertEquals("?1::text[]", sql.array(List.of("a,b", "say \"hi\"", "back\\slash")));
        assertEquals("{\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\"}", sql.parameters().getFirst());
    }
}
