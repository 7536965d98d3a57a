package dev.orden.tenant;

import dev.orden.identity.CurrentUser;
import dev.orden.identity.MemberSightings;
import dev.orden.identity.Role;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the verified token into the request's tenant and user. The tenant is the one organization named in the
 * token's {@code organization} claim (Keycloak puts the aliases there); zero or several is refused later, when
 * tenant data is asked for, never guessed.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class TenantResolver implements ContainerRequestFilter {

    static final String ORGANIZATION_CLAIM = "organization";

    @Inject
    TenantContext context;

    @Inject
    TenantDirectory tenants;

    @Inject
    MemberSightings members;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        List<String> organizations = organizations(token.getClaim(ORGANIZATION_CLAIM));
        if (organizations.size() != 1) {
            context.unresolved("The token names " + organizations.size() + " organizations; exactly one is required");
            return;
        }
        Optional<Tenant> tenant = tenants.activeBySlug(organizations.getFirst());
        if (tenant.isEmpty()) {
            context.unresolved("The token's organization is not an active Orden tenant");
            return;
        }
        var user = new CurrentUser(token.getSubject(), token.getClaim("preferred_username"), token.getClaim("email"),
                token.getClaim("name"), roles(token.getGroups()));
        context.resolved(tenant.get(), user);
        members.seen(tenant.get().id(), user);
    }

    static List<String> organizations(Object claim) {
        return switch (claim) {
            case null -> List.of();
            case JsonArray array -> array.stream().map(TenantResolver::text).toList();
            case JsonObject object -> List.copyOf(object.keySet());
            case Collection<?> values -> values.stream()
                    .map(v -> v instanceof JsonValue json ? text(json) : String.valueOf(v)).toList();
            case JsonString string -> List.of(string.getString());
            case String string -> List.of(string);
            default -> List.of();
        };
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static Set<Role> roles(Set<String> groups) {
        var roles = EnumSet.noneOf(Role.class);
        if (groups != null) groups.forEach(g -> Role.byName(g).ifPresent(roles::add));
        return roles;
    }
}
