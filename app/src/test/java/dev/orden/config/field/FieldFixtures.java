package dev.orden.config.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orden.shared.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

/** Definitions and values written compactly: single quotes stand for double quotes, labels are filled in. */
final class FieldFixtures {

    static final ValidationContext EVERYONE = id -> true;
    static final ValidationContext NOBODY = id -> false;

    private FieldFixtures() {}

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    static JsonValue value(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
    }

    /** A field definition with a label added unless it has one. */
    static JsonValue definition(String text) {
        if (!(value(text) instanceof JsonObject definition)) {
            return value(text);
        }
        return definition.containsKey("label") ? definition
                : Json.createObjectBuilder(definition).add("label", json("{'es':'Campo','en':'Field'}")).build();
    }

    static ParseResult parse(String... definitions) {
        var array = Json.createArrayBuilder();
        Arrays.stream(definitions).map(FieldFixtures::definition).forEach(array::add);
        return FieldDefinitionParser.parse(Json.createObjectBuilder().add("fields", array).build());
    }

    static List<FieldDefinition> fields(String... definitions) {
        var result = parse(definitions);
        assertEquals(List.of(), result.errors());
        return result.fields();
    }

    static List<FieldError> validate(List<FieldDefinition> fields, String values) {
        return FieldValuesValidator.validate(fields, json(values), EVERYONE);
    }

    static FieldError error(String key, String message) {
        return new FieldError("customFields." + key, message);
    }
}
