package dev.orden.shared.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * JSON text to a {@code jsonb} column. The driver (with {@code stringType=unspecified}) lets PostgreSQL cast the
 * text on write and returns a {@code PGobject} on read, whose text is the JSON.
 */
@Converter
public class JsonbTextConverter implements AttributeConverter<String, Object> {

    @Override
    public Object convertToDatabaseColumn(String json) {
        return json;
    }

    @Override
    public String convertToEntityAttribute(Object column) {
        return column == null ? null : column.toString();
    }
}
