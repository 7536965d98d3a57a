package dev.orden.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.config.BundleFiles;
import dev.orden.plugin.assignment.GeoPoint;
import dev.orden.plugin.assignment.OrderFacts;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** acme's assignment.json read as the dispatcher reads it, and its rules matched against orders. */
class AssignmentConfigTest {

    private static final AssignmentConfig ACME = AssignmentConfig.of(7,
            BundleFiles.readFolder(Path.of("..", "tenant-config", "acme")));

    private static OrderFacts order(String type, String priority, String title, String area, Map<String, Object> fields) {
        var facts = new OrderFacts("o", "WO-1", type, priority, title, null, null, area, ACME.areas().path(area),
                fields);
        return facts;
    }

    private static String route(OrderFacts order) {
        return ACME.rules().stream().filter(r -> r.when().matches(order)).findFirst().map(AssignmentRule::key)
                .orElse(null);
    }

    @Test
    void readsStrategiesInOrderWithTheirSettingsAndTheDefault() {
        assertEquals(List.of("least-loaded", "round-robin", "skills", "territory"), List.copyOf(ACME.strategies().keySet()));
        assertEquals("least-loaded", ACME.defaultStrategy());
        assertEquals(Map.of("URGENT", BigDecimal.valueOf(8)), ACME.settingsOf("least-loaded").orElseThrow().object("weights"));
        assertTrue(ACME.settingsOf("round-robin").orElseThrow().values().isEmpty());
        assertTrue(ACME.settingsOf("nearest").isEmpty());
    }

    @Test
    void readsAgentsByEmailWhateverTheCase() {
        var marta = ACME.profile("Marta.Norte@acme.test");
        assertEquals(6, marta.capacity());
        assertEquals(Set.of("madrid_norte"), marta.areas());
        assertEquals(new GeoPoint(40.4722, -3.6825), marta.home());
        assertNull(ACME.profile("dispatcher@acme.test").capacity(), "no profile: no limit");
        assertEquals(Set.of("agent@acme.test", "carlos.centro@acme.test", "marta.norte@acme.test"),
                ACME.teams().get("madrid_repair").members());
    }

    @Test
    void anAreaPathGoesUpTheTree() {
        assertEquals(List.of("madrid_norte", "madrid", "spain"), ACME.areas().path("madrid_norte"));
        assertEquals(List.of("norte"), ACME.areas().path("norte"), "an area the tree does not know is just itself");
        assertEquals(List.of(), ACME.areas().path(null));
    }

    @Test
    void theFirstMatchingRuleWins() {
        assertEquals("madrid", route(order("repair", "NORMAL", "Lavadora", "madrid_centro", Map.of())));
        assertEquals("madrid", route(order("installation", "NORMAL", "Aire", "madrid_norte", Map.of("appliance", "ac"))),
                "the area rule comes before the installation rule");
        assertEquals("east", route(order("repair", "HIGH", "Horno", "valencia", Map.of())));
        assertEquals("ac_installations", route(order("installation", "LOW", "Split", null, Map.of("appliance", "ac"))));
        assertEquals("complaints", route(order("complaint", "HIGH", "Tardaron mucho", null, Map.of())));
        assertNull(route(order("installation", "LOW", "Lavadora", null, Map.of("appliance", "washer"))));
        assertNull(route(order("general", "NORMAL", "Algo", "norte", Map.of())));
    }

    @Test
    void conditionsCombineAndValuesCompareAsTheyRead() {
        var rule = AssignmentRule.of(jakarta.json.Json.createReader(new java.io.StringReader("""
                {"rules": [{"key": "k", "then": {"team": "t"}, "when": {"types": ["repair"],
                  "priorities": ["high", "URGENT"], "keywords": ["fuga", "no enciende"],
                  "fieldValues": {"floors": 3, "warranty": true, "parts": ["b", "c"]}}}]}
                """)).readObject()).getFirst();
        var fields = new LinkedHashMap<String, Object>(Map.of("floors", new BigDecimal("3.0"), "warranty", true,
                "parts", List.of("a", "b")));
        var matching = new OrderFacts("o", "WO-1", "repair", "HIGH", "Fuga en la cocina", null, null, null, null, fields);
        assertTrue(rule.when().matches(matching));
        assertTrue(rule.when().matches(new OrderFacts("o", "WO-1", "repair", "URGENT", "Caldera",
                "La caldera no enciende", null, null, null, fields)), "keywords in the description too");
        assertFalse(rule.when().matches(new OrderFacts("o", "WO-1", "repair", "LOW", "Fuga", null, null, null, null,
                fields)), "priority");
        fields.put("parts", List.of("a"));
        assertFalse(rule.when().matches(new OrderFacts("o", "WO-1", "repair", "HIGH", "Fuga", null, null, null, null,
                fields)), "no listed part");
        fields.put("parts", List.of("c"));
        fields.put("warranty", false);
        assertFalse(rule.when().matches(new OrderFacts("o", "WO-1", "repair", "HIGH", "Fuga", null, null, null, null,
                fields)), "warranty");
        assertTrue(AssignmentRule.of(jakarta.json.Json.createObjectBuilder().add("rules", jakarta.json.Json
                .createArrayBuilder().add(jakarta.json.Json.createObjectBuilder().add("key", "all")
                        .add("then", jakarta.json.Json.createObjectBuilder().add("team", "t")))).build()).getFirst()
                .when().matches(matching), "no conditions: every order");
    }
}
