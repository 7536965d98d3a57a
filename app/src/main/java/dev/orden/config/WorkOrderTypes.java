package dev.orden.config;

import dev.orden.config.field.FieldDefinition;
import dev.orden.config.field.FieldDefinitionParser;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The work-order types of one bundle, each with its custom fields parsed by the field engine: what the work-order
 * API checks a type and its {@code customFields} against. Built once per active version (see
 * {@link ActiveConfiguration.Active}).
 */
public final class WorkOrderTypes {

    private static final Logger LOG = Logger.getLogger(WorkOrderTypes.class.getName());

    private final Map<String, List<FieldDefinition>> fieldsByType;

    private WorkOrderTypes(Map<String, List<FieldDefinition>> fieldsByType) {
        this.fieldsByType = fieldsByType;
    }

    /**
     * Reads the types of a bundle. A published bundle passed {@link BundleValidation}, so its fields parse; should
     * one not (a bundle published under older, looser rules), its types have no fields and every value is reported
     * as unknown rather than checked against half-read definitions.
     */
    static WorkOrderTypes of(JsonObject bundle) {
        var definitions = bundle.get("fields") instanceof JsonArray fields
                ? FieldDefinitionParser.parse(fields, "/fields")
                : null;
        Map<String, FieldDefinition> byKey = Map.of();
        if (definitions != null && definitions.isValid()) {
            byKey = definitions.fields().stream()
                    .collect(Collectors.toMap(FieldDefinition::key, Function.identity(), (a, b) -> a));
        } else if (definitions != null) {
            LOG.warning(() -> "A published bundle's fields do not parse: " + definitions.errors());
        }
        var types = new LinkedHashMap<String, List<FieldDefinition>>();
        if (bundle.get("types") instanceof JsonArray array) {
            for (var value : array) {
                if (value instanceof JsonObject type && type.get("key") instanceof JsonString key) {
                    var fields = new ArrayList<FieldDefinition>();
                    if (type.get("fields") instanceof JsonArray keys) {
                        for (var fieldKey : keys) {
                            if (fieldKey instanceof JsonString k && byKey.containsKey(k.getString())) {
                                fields.add(byKey.get(k.getString()));
                            }
                        }
                    }
                    types.putIfAbsent(key.getString(), List.copyOf(fields));
                }
            }
        }
        return new WorkOrderTypes(Map.copyOf(types));
    }

    public Set<String> keys() {
        return fieldsByType.keySet();
    }

    /** The type's custom fields (its {@code fields} keys, in order), or empty when the bundle has no such type. */
    public Optional<List<FieldDefinition>> fieldsOf(String type) {
        return Optional.ofNullable(fieldsByType.get(type));
    }
}
