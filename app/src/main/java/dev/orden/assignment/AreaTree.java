package dev.orden.assignment;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tenant's areas as a tree ({@code areas.json}): each area's path up to its root. */
final class AreaTree {

    private final Map<String, String> parents = new HashMap<>();

    static AreaTree of(JsonObject bundle) {
        var tree = new AreaTree();
        tree.add(JsonData.objects(bundle, "areas"), null);
        return tree;
    }

    private void add(List<JsonObject> areas, String parent) {
        for (var area : areas) {
            var key = JsonData.string(area, "key");
            if (key == null || parents.containsKey(key)) continue;
            parents.put(key, parent);
            add(JsonData.objects(area, "children"), key);
        }
    }

    /** The area, its parent, …, its root; just the area when the tree does not know it; empty for none. */
    List<String> path(String area) {
        var path = new ArrayList<String>();
        for (var at = area; at != null && !path.contains(at); at = parents.get(at)) path.add(at);
        return List.copyOf(path);
    }

    boolean contains(String area) {
        return parents.containsKey(area);
    }
}
