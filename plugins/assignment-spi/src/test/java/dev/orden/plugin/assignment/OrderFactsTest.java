package dev.orden.plugin.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderFactsTest {

    private static OrderFacts withFields(Map<String, Object> fields) {
        return new OrderFacts("o", "WO-1", "repair", "NORMAL", "t", null, null, null, null, fields);
    }

    @Test
    void findsALocationWithBothCoordinates() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("billing", Map.of("address", "Calle 1"));
        fields.put("visit", Map.of("address", "Gran Vía 1", "lat", new BigDecimal("40.42"), "lon", new BigDecimal("-3.70")));
        var order = withFields(fields);
        assertEquals(Optional.of(new GeoPoint(40.42, -3.70)), order.location());
        assertEquals(Optional.empty(), order.location("billing"));
        assertEquals(Optional.of(new GeoPoint(40.42, -3.70)), order.location("visit"));
        assertEquals(Optional.empty(), withFields(Map.of("x", Map.of("lat", 100, "lon", 0))).location());
    }

    @Test
    void valuesAreScalarsAsTextAndEachItemOfAList() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("appliance", "washer");
        fields.put("parts", List.of("a", "b"));
        fields.put("floors", new BigDecimal("3.0"));
        fields.put("urgent", true);
        fields.put("none", null);
        var order = withFields(fields);
        assertEquals(List.of("washer"), order.values("appliance"));
        assertEquals(List.of("a", "b"), order.values("parts"));
        assertEquals(List.of("3"), order.values("floors"));
        assertEquals(List.of("true"), order.values("urgent"));
        assertEquals(List.of(), order.values("none"));
        assertEquals(List.of(), order.values("missing"));
    }
}
