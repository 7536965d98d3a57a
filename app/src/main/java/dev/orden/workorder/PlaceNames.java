package dev.orden.workorder;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names per language of an order's area and team in the tenant's active configuration ({@code areas.json}, a
 * tree; {@code teams.json}), so that pages show "Madrid Centre" rather than {@code madrid_centro}; none for a key the
 * configuration no longer has.
 */
public final class PlaceNames {

    /** A team or area with its names per language; an area's parent in the tree (null at the top and for teams). */
    public record Place(String key, Map<String, String> name, String parent) {}

    private PlaceNames() {}

    /** Every team of the configuration, in its order. */
    static List<Place> teams(JsonObject bundle) {
        var all = new ArrayList<Place>();
        flatten(bundle == null ? null : bundle.get("teams"), null, all);
        return all;
    }

    /** Every area of the configuration's tree, each before its children. */
    static List<Place> areas(JsonObject bundle) {
        var all = new ArrayList<Place>();
        flatten(bundle == null ? null : bundle.get("areas"), null, all);
        return all;
    }

    private static void flatten(Object items, String parent, List<Place> into) {
        if (!(items instanceof JsonArray list)) return;
        for (var value : list) {
            if (!(value instanceof JsonObject item) || !(item.get("key") instanceof JsonString key)) continue;
            into.add(new Place(key.getString(), names(item), parent));
            flatten(item.get("children"), key.getString(), into);
        }
    }

    static Map<String, String> area(JsonObject bundle, String key) {
        return key == null || bundle == null ? null : find(bundle.get("areas"), key).map(PlaceNames::names).orElse(null);
    }

    static Map<String, String> team(JsonObject bundle, String key) {
        return key == null || bundle == null ? null : find(bundle.get("teams"), key).map(PlaceNames::names).orElse(null);
    }

    private static Optional<JsonObject> find(Object items, String key) {
        if (!(items instanceof JsonArray list)) return Optional.empty();
        for (var item : list.getValuesAs(JsonObject.class)) {
            if (key.equals(item.getString("key", null))) return Optional.of(item);
            var below = find(item.get("children"), key);
            if (below.isPresent()) return below;
        }
        return Optional.empty();
    }

    private static Map<String, String> names(JsonObject item) {
        if (!(item.get("name") instanceof JsonObject name)) return null;
        var byLanguage = new LinkedHashMap<String, String>();
        name.forEach((language, text) -> {
            if (text instanceof JsonString s) byLanguage.put(language, s.getString());
        });
        return byLanguage;
    }
}
