package dev.orden.identity;

import dev.orden.shared.persistence.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A person of the tenant as Orden last saw them (Keycloak stays the source of truth): recorded at provisioning and
 * refreshed when they call the API, so that assignment can check an assignee without asking Keycloak.
 */
@Entity
@Table(name = "member")
public class Member extends TenantOwned {

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Column(nullable = false)
    private String roles;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected Member() {}

    public UUID userId() {
        return id();
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        var set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).forEach(r -> Role.byName(r).ifPresent(set::add));
        return set;
    }

    /** Who may be given work: agents, dispatchers and admins. */
    public boolean canBeAssigned() {
        var r = roles();
        return r.contains(Role.AGENT) || r.contains(Role.DISPATCHER) || r.contains(Role.TENANT_ADMIN);
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
