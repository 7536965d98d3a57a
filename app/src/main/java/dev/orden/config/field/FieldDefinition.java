package dev.orden.config.field;

import com.google.re2j.Pattern;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * One custom field of a tenant's configuration. Optional rules are null when absent. Parse with
 * {@link FieldDefinitionParser}. An {@code internal} field is for staff only: requesters neither see nor set it.
 */
public record FieldDefinition(
        String key,
        LocalizedText label,
        LocalizedText help,
        FieldType type,
        boolean required,
        JsonValue defaultValue,
        Pattern pattern,
        Integer minLength,
        Integer maxLength,
        BigDecimal min,
        BigDecimal max,
        Integer decimals,
        String currency,
        List<FieldOption> options,
        Integer minItems,
        Integer maxItems,
        Condition visibleWhen,
        Condition requiredWhen,
        boolean readOnly,
        boolean internal,
        boolean retired) {

    public FieldDefinition {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public String errorField() {
        return "customFields." + key;
    }

    public boolean hasOption(String value) {
        return options.stream().anyMatch(option -> option.value().equals(value));
    }
}
