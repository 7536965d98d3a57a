package dev.orden.config;

import dev.orden.identity.KeycloakAdmin;
import dev.orden.identity.Role;
import dev.orden.shared.problem.FieldError;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Team members are real people of the tenant who can be given work — agents, dispatchers or admins — named by
 * e-mail, so a folder of configuration reads the same in every environment. Checked against Keycloak, the source
 * of truth for people, whenever a draft is validated; a tenant's own bundle names only its own organization's
 * members.
 */
@ApplicationScoped
class TeamMembers implements DraftCheck {

    static final int MAX_LOOKUPS = 500;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<Role> STAFF = Set.of(Role.AGENT, Role.DISPATCHER, Role.TENANT_ADMIN);

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    TenantContext context;

    /** One error per member who is not a staff member of the caller's tenant, at its pointer. */
    @Override
    public List<FieldError> check(JsonObject bundle) {
        var errors = new ArrayList<FieldError>();
        var rolesByEmail = new HashMap<String, Optional<Set<Role>>>();
        var teams = bundle.get("teams") instanceof JsonArray array ? array : JsonArray.EMPTY_JSON_ARRAY;
        for (int i = 0; i < teams.size(); i++) {
            if (!(teams.get(i) instanceof JsonObject team) || !(team.get("members") instanceof JsonArray members)) {
                continue;
            }
            for (int j = 0; j < members.size(); j++) {
                if (!(members.get(j) instanceof JsonString member)) continue;
                var pointer = "/teams/" + i + "/members/" + j;
                var email = member.getString().strip().toLowerCase(Locale.ROOT);
                if (!EMAIL.matcher(email).matches()) {
                    errors.add(new FieldError(pointer, "must be the e-mail address of a member of this tenant"));
                } else if (!rolesByEmail.containsKey(email) && rolesByEmail.size() >= MAX_LOOKUPS) {
                    errors.add(new FieldError(pointer, "teams may name at most " + MAX_LOOKUPS + " different people"));
                } else {
                    var roles = rolesByEmail.computeIfAbsent(email,
                            e -> keycloak.memberRoles(context.tenant().keycloakOrgId(), e));
                    problem(roles).ifPresent(message -> errors.add(new FieldError(pointer, message)));
                }
            }
        }
        return errors;
    }

    private static Optional<String> problem(Optional<Set<Role>> roles) {
        if (roles.isEmpty()) return Optional.of("no member of this tenant has this e-mail address");
        if (roles.get().stream().noneMatch(STAFF::contains)) {
            return Optional.of("is not an agent, dispatcher or admin of this tenant, so cannot work in a team");
        }
        return Optional.empty();
    }
}
