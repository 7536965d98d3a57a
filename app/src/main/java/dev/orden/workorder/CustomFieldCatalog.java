package dev.orden.workorder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.field.FieldDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom fields of the caller's tenant's active configuration, by key: what list sorts and typed filters are
 * checked against. A key means one definition across all types (a bundle defines each field once).
 */
@ApplicationScoped
class CustomFieldCatalog {

    @Inject
    ActiveConfiguration active;

    Map<String, FieldDefinition> byKey() {
        var fields = new HashMap<String, FieldDefinition>();
        active.current().ifPresent(current -> current.types().keys().forEach(type ->
                current.types().fieldsOf(type).orElse(List.of()).forEach(f -> fields.putIfAbsent(f.key(), f))));
        return Map.copyOf(fields);
    }
}
