package dev.orden.config;

import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.List;

/**
 * The work-order types of an active configuration as a picker shows them: key, name in one language, icon,
 * colour and default priority (the last three only when the type states them), in the bundle's order.
 */
public final class TypeSummaries {

    private TypeSummaries() {}

    public static JsonArray of(ActiveConfiguration.Active active, String language) {
        var list = Json.createArrayBuilder();
        for (var type : ResolvedForm.objects(active.bundle().get("types"))) {
            if (!(type.get("key") instanceof JsonString key) || !active.types().keys().contains(key.getString())) {
                continue;
            }
            var view = Json.createObjectBuilder().add("key", key.getString()).add("name", ContentLanguage.pick(type.get("name"), language, key.getString()));
            for (var property : List.of("icon", "color", "defaultPriority")) {
                if (type.get(property) instanceof JsonString value) view.add(property, value);
            }
            list.add(view);
        }
        return list.build();
    }
}
