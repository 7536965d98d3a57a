package dev.orden.config;

import dev.orden.config.field.FieldDefinition;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form of one type and audience in one active configuration, as the portal renders it: texts in one language,
 * each field's rules and options, retired fields left out, read-only from the form entry or the field itself, and
 * the {@code visibleWhen}/{@code requiredWhen} conditions passed through as the bundle states them so the portal
 * evaluates them as the server does. Optional rules a field does not have are left out; a section whose fields are
 * all retired is left out too.
 */
public final class ResolvedForm {

    public static final List<String> AUDIENCES = List.of("requester", "agent");

    private final ActiveConfiguration.Active active;
    private final String language;

    public ResolvedForm(ActiveConfiguration.Active active, String language) {
        this.active = active;
        this.language = language;
    }

    /** The form, or a 404 problem when the type does not exist or has no form for the audience. */
    public JsonObject of(String type, String audience) {
        var fields = active.types().fieldsOf(type)
                .orElseThrow(() -> ProblemException.notFound("Work-order type '" + type + "'"));
        var form = formOf(type, audience).orElseThrow(() -> ProblemException.notFound(
                "The " + audience + " form of work-order type '" + type + "'"));
        var definitions = new HashMap<String, FieldDefinition>();
        fields.forEach(field -> definitions.put(field.key(), field));
        var sections = Json.createArrayBuilder();
        for (var section : objects(form.get("sections"))) {
            var resolved = section(section, definitions);
            if (!resolved.isEmpty()) {
                sections.add(Json.createObjectBuilder().add("title", ContentLanguage.pick(section.get("title"), language, "")).add("fields", resolved));
            }
        }
        return Json.createObjectBuilder().add("type", type).add("audience", audience)
                .add("configVersion", active.version()).add("language", language).add("sections", sections).build();
    }

    private JsonArray section(JsonObject section, Map<String, FieldDefinition> definitions) {
        var fields = Json.createArrayBuilder();
        for (var entry : objects(section.get("fields"))) {
            var definition = entry.get("key") instanceof JsonString key ? definitions.get(key.getString()) : null;
            if (definition != null && !definition.retired()) {
                fields.add(field(definition, entry.getBoolean("readOnly", false)));
            }
        }
        return fields.build();
    }

    private JsonObjectBuilder field(FieldDefinition field, boolean readOnlyHere) {
        var view = Json.createObjectBuilder().add("key", field.key()).add("type", field.type().name())
                .add("label", field.label().in(language))
                .add("required", field.required())
                .add("readOnly", readOnlyHere || field.readOnly());
        if (field.internal()) view.add("internal", true);
        if (field.help() != null) view.add("help", field.help().in(language));
        if (field.defaultValue() != null) view.add("default", field.defaultValue());
        if (!field.options().isEmpty()) {
            var options = Json.createArrayBuilder();
            field.options().forEach(o -> options.add(
                    Json.createObjectBuilder().add("value", o.value()).add("label", o.label().in(language))));
            view.add("options", options);
        }
        if (field.pattern() != null) view.add("pattern", field.pattern().pattern());
        optional(view, "minLength", field.minLength());
        optional(view, "maxLength", field.maxLength());
        if (field.min() != null) view.add("min", field.min());
        if (field.max() != null) view.add("max", field.max());
        optional(view, "decimals", field.decimals());
        if (field.currency() != null) view.add("currency", field.currency());
        optional(view, "minItems", field.minItems());
        optional(view, "maxItems", field.maxItems());
        var raw = rawField(field.key());
        for (var condition : List.of("visibleWhen", "requiredWhen")) {
            if (raw.get(condition) instanceof JsonObject stated) view.add(condition, stated);
        }
        return view;
    }

    private Optional<JsonObject> formOf(String type, String audience) {
        return objects(active.bundle().get("forms")).stream()
                .filter(f -> type.equals(f.getString("type", null)) && audience.equals(f.getString("audience", null)))
                .findFirst();
    }

    /** The field as the bundle states it: conditions are passed on as written. */
    private JsonObject rawField(String key) {
        return objects(active.bundle().get("fields")).stream().filter(f -> key.equals(f.getString("key", null)))
                .findFirst().orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    static List<JsonObject> objects(JsonValue value) {
        if (!(value instanceof JsonArray array)) return List.of();
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }

    private static void optional(JsonObjectBuilder view, String name, Integer value) {
        if (value != null) view.add(name, value);
    }
}
