package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The id (a UUID) of a member of the tenant to whom work can be assigned. */
final class UserType implements FieldType {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public String name() {
        return "user";
    }

    public Set<String> properties() {
        return Set.of();
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        TextRules.string(value, problems).ifPresent(id -> {
            if (!UUID.matcher(id).matches()) {
                problems.add("must be a user id (a UUID)");
            } else if (!context.isAssignableUser(id)) {
                problems.add("is not a member of this tenant who can be assigned work");
            }
        });
    }
}
