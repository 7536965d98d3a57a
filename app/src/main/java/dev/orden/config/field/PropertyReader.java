package dev.orden.config.field;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

/** Reads the properties of one JSON object, adding an error with its pointer for each one of the wrong kind. */
final class PropertyReader {

    private final JsonObject object;
    private final String pointer;
    private final List<DefinitionError> errors;

    PropertyReader(JsonObject object, String pointer, List<DefinitionError> errors) {
        this.object = object;
        this.pointer = pointer;
        this.errors = errors;
    }

    String pointerTo(String name) {
        return pointer + "/" + name;
    }

    boolean has(String name) {
        return object.containsKey(name);
    }

    JsonValue value(String name) {
        return object.get(name);
    }

    void fail(String name, String reason) {
        errors.add(new DefinitionError(pointerTo(name), reason));
    }

    String string(String name) {
        if (object.get(name) instanceof JsonString text) {
            return text.getString();
        }
        if (has(name)) {
            fail(name, "must be a string");
        }
        return null;
    }

    boolean bool(String name) {
        var value = object.get(name);
        if (value == null) {
            return false;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() != JsonValue.ValueType.FALSE) {
            fail(name, "must be true or false");
        }
        return false;
    }

    Integer count(String name) {
        if (object.get(name) instanceof JsonNumber number && number.isIntegral()
                && number.bigDecimalValue().signum() >= 0
                && number.bigDecimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            return number.intValue();
        }
        if (has(name)) {
            fail(name, "must be a whole number, zero or more");
        }
        return null;
    }

    BigDecimal number(String name) {
        if (object.get(name) instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        if (has(name)) {
            fail(name, "must be a number");
        }
        return null;
    }

    JsonArray array(String name) {
        if (object.get(name) instanceof JsonArray array) {
            return array;
        }
        if (has(name)) {
            fail(name, "must be an array");
        }
        return null;
    }

    /** A text in es and en; both are required so that every form renders in both languages. */
    LocalizedText localized(String name) {
        if (!(object.get(name) instanceof JsonObject texts)) {
            if (has(name)) {
                fail(name, "must be an object with es and en texts");
            }
            return null;
        }
        var reader = new PropertyReader(texts, pointerTo(name), errors);
        var byLanguage = new HashMap<String, String>();
        for (var language : LocalizedText.LANGUAGES) {
            var text = reader.string(language);
            if (text == null || text.isBlank()) {
                if (text == null && !reader.has(language)) {
                    reader.fail(language, "is missing");
                } else if (text != null) {
                    reader.fail(language, "must not be blank");
                }
            } else {
                byLanguage.put(language, text);
            }
        }
        reader.rejectUnknown(LocalizedText.LANGUAGES);
        return new LocalizedText(byLanguage);
    }

    void rejectUnknown(Collection<String> known) {
        object.keySet().stream().filter(name -> !known.contains(name)).sorted()
                .forEach(name -> fail(name, "unknown property"));
    }
}
