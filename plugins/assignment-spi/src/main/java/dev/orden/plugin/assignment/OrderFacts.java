package dev.orden.plugin.assignment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order to assign, as plain data: its number ({@code WO-12}), type, priority ({@code LOW}…{@code URGENT}),
 * title, description, team and area (each may be null), the area's path up the tree (the area first, then its
 * parent, up to the root; empty without an area) and its custom field values as JSON turned into Java: text as
 * {@code String}, numbers as {@code BigDecimal}, {@code Boolean}, {@code List} and {@code Map} (a location is
 * {@code {"address": …, "lat": …, "lon": …}}).
 */
public record OrderFacts(String id, String number, String type, String priority, String title, String description,
                         String team, String area, List<String> areaPath, Map<String, Object> customFields) {

    public OrderFacts {
        areaPath = List.copyOf(areaPath == null ? List.of() : areaPath);
        customFields = Collections.unmodifiableMap(new LinkedHashMap<>(customFields == null ? Map.of() : customFields));
    }

    /** The place a location field holds, when it has both coordinates. */
    public Optional<GeoPoint> location(String field) {
        return point(customFields.get(field));
    }

    /** The place of the first custom field that holds one (a location with lat and lon). */
    public Optional<GeoPoint> location() {
        return customFields.values().stream().map(OrderFacts::point).flatMap(Optional::stream).findFirst();
    }

    /**
     * A field's value as text: one entry for a text, number or boolean, one per item of a list (a multiselect),
     * none for anything else or no value.
     */
    public List<String> values(String field) {
        var value = customFields.get(field);
        var texts = new ArrayList<String>();
        if (value instanceof List<?> items) items.forEach(item -> scalar(item, texts));
        else scalar(value, texts);
        return List.copyOf(texts);
    }

    private static void scalar(Object value, List<String> into) {
        switch (value) {
            case String s -> into.add(s);
            case BigDecimal n -> into.add(n.stripTrailingZeros().toPlainString());
            case Number n -> into.add(n.toString());
            case Boolean b -> into.add(b.toString());
            case null, default -> { }
        }
    }

    private static Optional<GeoPoint> point(Object value) {
        if (value instanceof Map<?, ?> map && map.get("lat") instanceof Number lat
                && map.get("lon") instanceof Number lon) {
            try {
                return Optional.of(new GeoPoint(lat.doubleValue(), lon.doubleValue()));
            } catch (IllegalArgumentException notAPlace) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
