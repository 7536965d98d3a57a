package dev.orden.identity;

import java.util.EnumSet;
import java.util.Set;

/** The authenticated caller, read from the verified token. {@code id} is Keycloak's user id ({@code sub}). */
public record CurrentUser(String id, String username, String email, String name, Set<Role> roles) {

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Agents, dispatchers and admins work the tenant's orders; requesters only follow their own. */
    public boolean isStaff() {
        return has(Role.AGENT) || has(Role.DISPATCHER) || has(Role.TENANT_ADMIN);
    }

    public boolean canAssign() {
        return has(Role.DISPATCHER) || has(Role.TENANT_ADMIN);
    }

    public String displayName() {
        return name != null && !name.isBlank() ? name : contact();
    }

    /** What identifies the person to people: the e-mail, else the user name, else the id (a token may carry neither). */
    public String contact() {
        return email != null ? email : username != null ? username : id;
    }
}
