package dev.orden.workorder;

import dev.orden.config.workflow.StateCategory;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a state category by its bundle name ({@code open}), as the database's check constraint expects. */
@Converter
public class StateCategoryConverter implements AttributeConverter<StateCategory, String> {

    @Override
    public String convertToDatabaseColumn(StateCategory category) {
        return category == null ? null : category.key();
    }

    @Override
    public StateCategory convertToEntityAttribute(String key) {
        return key == null ? null : StateCategory.byKey(key)
                .orElseThrow(() -> new IllegalStateException("unknown state category in the database: " + key));
    }
}
