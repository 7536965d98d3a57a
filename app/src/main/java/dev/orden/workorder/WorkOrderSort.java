package dev.orden.workorder;

import dev.orden.config.field.FieldDefinition;
import dev.orden.shared.problem.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An order a list can be sorted in: by number, by a timestamp, or by a custom field's value typed by its
 * definition ({@code [-]cf.<key>}; orders without a value come last in both directions). The per-tenant number
 * breaks ties, so every order is total.
 *
 * @param timeField the timestamp attribute sorted on, or null
 * @param field the custom field's key and kind, or null
 */
record WorkOrderSort(String parameter, String timeField, Field field, boolean ascending) {

    /** A custom field sorted on. */
    record Field(String key, CustomFieldKind kind) {}

    static final WorkOrderSort NUMBER = new WorkOrderSort("number", null, null, true);
    static final WorkOrderSort NUMBER_DESC = new WorkOrderSort("-number", null, null, false);
    static final WorkOrderSort CREATED = new WorkOrderSort("createdAt", "createdAt", null, true);
    static final WorkOrderSort CREATED_DESC = new WorkOrderSort("-createdAt", "createdAt", null, false);
    static final WorkOrderSort UPDATED = new WorkOrderSort("updatedAt", "updatedAt", null, true);
    static final WorkOrderSort UPDATED_DESC = new WorkOrderSort("-updatedAt", "updatedAt", null, false);

    /** The sorts that do not depend on a tenant's fields. */
    static final List<WorkOrderSort> FIXED = List.of(NUMBER, NUMBER_DESC, CREATED, CREATED_DESC, UPDATED, UPDATED_DESC);

    private static final String FIXED_NAMES = FIXED.stream().map(WorkOrderSort::parameter)
            .collect(Collectors.joining(", "));

    /** Sorted by a custom field. */
    static WorkOrderSort byField(String key, CustomFieldKind kind, boolean ascending) {
        return new WorkOrderSort((ascending ? "" : "-") + CustomFieldFilter.PREFIX + key, null, new Field(key, kind),
                ascending);
    }

    /** Whether parsing {@code value} needs the tenant's fields: to sort by one, or to name them in an error. */
    static boolean needsFields(String value) {
        return value != null && !value.isBlank() && FIXED.stream().noneMatch(s -> s.parameter.equals(value));
    }

    /** The sort a {@code sort} parameter names; {@code fields} are the tenant's custom fields by key. */
    static WorkOrderSort parse(String value, Map<String, FieldDefinition> fields) {
        if (value == null || value.isBlank()) return CREATED_DESC;
        var fixed = FIXED.stream().filter(s -> s.parameter.equals(value)).findFirst();
        if (fixed.isPresent()) return fixed.get();
        var ascending = !value.startsWith("-");
        var name = ascending ? value : value.substring(1);
        if (!name.startsWith(CustomFieldFilter.PREFIX)) {
            throw ProblemException.invalid("sort", "must be one of " + FIXED_NAMES + ", or [-]cf.<key> for a "
                    + "custom field; " + sortable(fields));
        }
        var key = name.substring(CustomFieldFilter.PREFIX.length());
        var field = fields.get(key);
        if (field == null) {
            throw ProblemException.invalid("sort", "'" + key + "' is not a custom field of this tenant's "
                    + "configuration; " + sortable(fields));
        }
        var kind = CustomFieldKind.of(field).orElseThrow(() -> ProblemException.invalid("sort", "'" + key
                + "' is a " + field.type().name() + " field, which has no order; " + sortable(fields)));
        return byField(key, kind, ascending);
    }

    /** Names the custom fields that can be sorted on, for messages. */
    private static String sortable(Map<String, FieldDefinition> fields) {
        var keys = fields.values().stream().filter(f -> CustomFieldKind.of(f).isPresent())
                .map(f -> CustomFieldFilter.PREFIX + f.key()).sorted().toList();
        return keys.isEmpty() ? "this tenant has no custom field to sort on"
                : "custom fields to sort on: " + String.join(", ", keys);
    }
}
