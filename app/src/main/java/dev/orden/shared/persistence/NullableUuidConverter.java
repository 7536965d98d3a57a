package dev.orden.shared.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * A {@code uuid} column that may be null. EclipseLink's own UUID mapping fails on reading a null ({@code
 * UUIDConverter} calls {@code toString()} on it); the driver already reads and writes {@link UUID}s as they are.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID id) {
        return id;
    }

    @Override
    public UUID convertToEntityAttribute(UUID column) {
        return column;
    }
}
