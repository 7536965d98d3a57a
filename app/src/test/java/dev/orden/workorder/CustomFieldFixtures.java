package dev.orden.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orden.config.field.FieldDefinition;
import dev.orden.config.field.FieldDefinitionParser;
import dev.orden.config.field.FieldTypes;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One field of every type, parsed by the field engine; each key is its type's name with "f" before it. */
final class CustomFieldFixtures {

    private CustomFieldFixtures() {}

    static Map<String, FieldDefinition> everyType() {
        var fields = Json.createArrayBuilder();
        for (var type : FieldTypes.names()) {
            var field = Json.createObjectBuilder().add("key", "f" + type).add("type", type)
                    .add("label", Json.createObjectBuilder().add("es", type).add("en", type));
            if (type.equals("money")) field.add("currency", "EUR");
            if (type.endsWith("select")) {
                field.add("options", Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", "a")
                        .add("label", Json.createObjectBuilder().add("es", "A").add("en", "A"))));
            }
            fields.add(field);
        }
        var parsed = FieldDefinitionParser.parse(fields.build(), "/fields");
        assertEquals(List.of(), parsed.errors());
        assertEquals(15, parsed.fields().size());
        return parsed.fields().stream().collect(Collectors.toMap(FieldDefinition::key, Function.identity()));
    }
}
