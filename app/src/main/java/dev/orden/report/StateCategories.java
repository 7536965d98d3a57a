package dev.orden.report;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The status category of each state key per order type, read from a configuration bundle (each type's workflow's
 * states): the history's status entries hold state keys, and a key's category is the workflow's, which may differ
 * between the workflows of two types.
 */
record StateCategories(List<String> types, List<String> keys, List<String> categories) {

    static final StateCategories NONE = new StateCategories(List.of(), List.of(), List.of());

    static StateCategories of(JsonObject bundle) {
        var workflows = new HashMap<String, JsonObject>();
        for (var workflow : array(bundle, "workflows")) workflows.put(workflow.getString("key", ""), workflow);
        var types = new ArrayList<String>();
        var keys = new ArrayList<String>();
        var categories = new ArrayList<String>();
        for (var type : array(bundle, "types")) {
            var workflow = workflows.get(type.getString("workflow", "default"));
            if (workflow == null) continue;
            for (var state : array(workflow, "states")) {
                if (!state.containsKey("key") || !state.containsKey("category")) continue;
                types.add(type.getString("key"));
                keys.add(state.getString("key"));
                categories.add(state.getString("category"));
            }
        }
        return new StateCategories(List.copyOf(types), List.copyOf(keys), List.copyOf(categories));
    }

    private static List<JsonObject> array(JsonObject object, String name) {
        var array = object.getJsonArray(name);
        return array == null ? List.of() : array.getValuesAs(JsonObject.class);
    }
}
