package dev.orden.identity;

import java.util.Arrays;
import java.util.Optional;

/** Keycloak realm roles, as they reach the token's {@code groups} claim. */
public enum Role {
    TENANT_ADMIN(Names.TENANT_ADMIN),
    DISPATCHER(Names.DISPATCHER),
    AGENT(Names.AGENT),
    REQUESTER(Names.REQUESTER);

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    public static Optional<Role> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst();
    }

    /** Constants for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String TENANT_ADMIN = "tenant-admin";
        public static final String DISPATCHER = "dispatcher";
        public static final String AGENT = "agent";
        public static final String REQUESTER = "requester";

        private Names() {}
    }
}
