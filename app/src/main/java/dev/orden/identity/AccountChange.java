package dev.orden.identity;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Set;

/** A tenant admin's change to a member, {@code {roles?, enabled?}} (either may be left out, not both). */
public record AccountChange(Set<Role> roles, Boolean enabled) {

    public static AccountChange parse(JsonObject body) {
        var errors = new ArrayList<FieldError>();
        Set<Role> roles = body.containsKey("roles") ? Invitation.roles(body.get("roles"), errors) : null;
        Boolean enabled = null;
        if (body.containsKey("enabled")) {
            var value = body.get("enabled");
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) enabled = value == JsonValue.TRUE;
            else errors.add(new FieldError("enabled", "must be true or false"));
        }
        if (errors.isEmpty() && roles == null && enabled == null) {
            errors.add(new FieldError("roles", "give roles, enabled or both"));
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new AccountChange(roles, enabled);
    }
}
