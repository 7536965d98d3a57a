package dev.orden.config.field;

import jakarta.json.JsonValue;

/** The value a condition sees for a field: JSON null when the field is absent or hidden. */
public interface FieldLookup {

    JsonValue valueOf(String key);
}
