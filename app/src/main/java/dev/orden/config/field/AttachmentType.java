package dev.orden.config.field;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/**
 * Files on the order: each {"id": "<attachment id>", "name": "..."}, one as an object or several as an array (with
 * minItems/maxItems). A create request names staged uploads instead, which the server turns into these
 * (dev.orden.attachment.StagedUploads, docs/attachments.md).
 */
final class AttachmentType implements FieldType {

    private static final List<String> MEMBERS = List.of("id", "name");

    public String name() {
        return "attachment";
    }

    public Set<String> properties() {
        return Set.of("minItems", "maxItems");
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        if (value instanceof JsonArray files) {
            files.forEach(file -> checkFile(file, problems));
            ItemCountRule.check(field, files.size(), problems);
        } else {
            checkFile(value, problems);
            ItemCountRule.check(field, 1, problems);
        }
    }

    private static void checkFile(JsonValue value, List<String> problems) {
        if (!(value instanceof JsonObject attachment)) {
            problems.add("must be an object with id and name, not a " + JsonValues.typeOf(value));
            return;
        }
        attachment.keySet().stream().filter(name -> !MEMBERS.contains(name)).sorted()
                .forEach(name -> problems.add("has an unknown member '" + name + "'"));
        for (var member : MEMBERS) {
            if (!(attachment.get(member) instanceof JsonString text) || text.getString().isBlank()) {
                problems.add("needs " + member + " as a non-empty string");
            }
        }
    }
}
