package dev.orden.config;

import dev.orden.config.field.FieldDefinition;
import dev.orden.config.field.FieldDefinitionParser;
import dev.orden.config.workflow.Workflow;
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
    private final Map<String, Workflow> workflowByType;
    private final Map<String, String> prefixByType;
    private final Set<String> internalKeys;

    private WorkOrderTypes(Map<String, List<FieldDefinition>> fieldsByType, Map<String, Workflow> workflowByType,
                           Map<String, String> prefixByType, Set<String> internalKeys) {
        this.fieldsByType = fieldsByType;
        this.workflowByType = workflowByType;
        this.prefixByType = prefixByType;
        this.internalKeys = internalKeys;
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
        var workflows = workflows(bundle);
        var types = new LinkedHashMap<String, List<FieldDefinition>>();
        var workflowByType = new LinkedHashMap<String, Workflow>();
        var prefixByType = new LinkedHashMap<String, String>();
        if (bundle.get("types") instanceof JsonArray array) {
            for (var value : array) {
                if (value instanceof JsonObject type && type.get("key") instanceof JsonString key) {
                    if (type.get("numberPrefix") instanceof JsonString prefix) {
                        prefixByType.putIfAbsent(key.getString(), prefix.getString());
                    }
                    if (type.get("workflow") instanceof JsonString workflow && workflows.containsKey(workflow.getString())) {
                        workflowByType.putIfAbsent(key.getString(), workflows.get(workflow.getString()));
                    }
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
        var internal = byKey.values().stream().filter(FieldDefinition::internal).map(FieldDefinition::key)
                .collect(Collectors.toUnmodifiableSet());
        return new WorkOrderTypes(Map.copyOf(types), Map.copyOf(workflowByType), Map.copyOf(prefixByType), internal);
    }

    private static Map<String, Workflow> workflows(JsonObject bundle) {
        var byKey = new LinkedHashMap<String, Workflow>();
        if (bundle.get("workflows") instanceof JsonArray array) {
            for (var value : array) {
                if (value instanceof JsonObject workflow && workflow.get("key") instanceof JsonString key) {
                    try {
                        byKey.putIfAbsent(key.getString(), Workflow.of(workflow));
                    } catch (RuntimeException unreadable) {
                        LOG.warning(() -> "A published bundle's workflow " + key.getString() + " does not parse: "
                                + unreadable);
                    }
                }
            }
        }
        return byKey;
    }

    /** The keys of the fields for staff only, of every type: requesters neither see nor set their values. */
    public Set<String> internalKeys() {
        return internalKeys;
    }

    public Set<String> keys() {
        return fieldsByType.keySet();
    }

    /** The prefix the type's orders are numbered with ({@code INC}), if it names one. */
    public Optional<String> numberPrefixOf(String type) {
        return Optional.ofNullable(prefixByType.get(type));
    }

    /** The type's workflow, or empty when the bundle has no such type. */
    public Optional<Workflow> workflowOf(String type) {
        return Optional.ofNullable(workflowByType.get(type));
    }

    /**
     * The lifecycle of an order whose type no configuration knows (a tenant without any version, never the case
     * after sign-up): the shipped default bundle's first workflow.
     */
    public static Workflow fallbackWorkflow() {
        return Fallback.WORKFLOW;
    }

    private static final class Fallback {
        static final Workflow WORKFLOW = workflows(ConfigBundles.defaultBundle()).values().iterator().next();
    }

    /** The type's custom fields (its {@code fields} keys, in order), or empty when the bundle has no such type. */
    public Optional<List<FieldDefinition>> fieldsOf(String type) {
        return Optional.ofNullable(fieldsByType.get(type));
    }
}
