package dev.orden.identity;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A person a tenant admin invites, {@code {email, name, roles}}, checked field by field (422). */
public record Invitation(String email, String name, Set<Role> roles) {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** What Keycloak's default user profile refuses in a person's name (its person-name-prohibited-characters). */
    static final Pattern NAME_REFUSED = Pattern.compile("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]");

    public static Invitation parse(JsonObject body) {
        var errors = new ArrayList<FieldError>();
        var email = text(body, "email", 254, errors);
        if (email != null && !EMAIL.matcher(email).matches()) errors.add(new FieldError("email", "is not an e-mail"));
        var name = text(body, "name", 200, errors);
        if (name != null && NAME_REFUSED.matcher(name).find()) {
            errors.add(new FieldError("name",
                    "must not contain any of < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )"));
        }
        var roles = roles(body.get("roles"), errors);
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new Invitation(email.toLowerCase(Locale.ROOT), name, roles);
    }

    /** A non-empty array of known role names, or an error at {@code roles}. */
    static Set<Role> roles(JsonValue value, List<FieldError> errors) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            errors.add(new FieldError("roles", "must list at least one of " + names()));
            return Set.of();
        }
        var roles = EnumSet.noneOf(Role.class);
        for (var item : array) {
            var role = item instanceof JsonString s ? Role.byName(s.getString()) : java.util.Optional.<Role>empty();
            if (role.isEmpty()) {
                errors.add(new FieldError("roles", "has " + item + ", not one of " + names()));
                return Set.of();
            }
            roles.add(role.get());
        }
        return roles;
    }

    private static String names() {
        return String.join(", ", java.util.Arrays.stream(Role.values()).map(Role::roleName).toList());
    }

    private static String text(JsonObject body, String field, int max, List<FieldError> errors) {
        var value = body.get(field);
        if (value == null || value == JsonValue.NULL || value instanceof JsonString s && s.getString().isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!(value instanceof JsonString s)) {
            errors.add(new FieldError(field, "must be text"));
            return null;
        }
        var text = s.getString().strip();
        if (text.length() > max) {
            errors.add(new FieldError(field, "is at most " + max + " characters"));
            return null;
        }
        return text;
    }
}
