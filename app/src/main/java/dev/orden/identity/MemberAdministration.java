package dev.orden.identity;

import dev.orden.audit.AuditEvent;
import dev.orden.audit.AuditEvents;
import dev.orden.config.ActiveConfiguration;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * People administration for a tenant admin, with Keycloak as the source of truth: the tenant's accounts are its
 * organization's members. Invites, role changes and (de)activations are serialized per tenant (a transaction-scoped
 * advisory lock) so that two admins demoting each other cannot leave the tenant without one, and each is written
 * to the audit log in that transaction, after Keycloak accepted it.
 */
@ApplicationScoped
public class MemberAdministration {

    private static final Logger LOG = Logger.getLogger(MemberAdministration.class.getName());
    static final int MAX_ACCOUNTS = 1_000;
    static final int INVITATION_LIFESPAN_SECONDS = 7 * 24 * 3600;

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    TenantContext context;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    MemberDirectory members;

    @Inject
    AuditEvents audit;

    @Inject
    ActiveConfiguration configuration;

    @Inject
    @ConfigProperty(name = "orden.notifications.portal-url", defaultValue = "http://127.0.0.1:9080/portal")
    String portalUrl;

    /** A tenant's account as its admins see it; {@code teams} are the active configuration's team keys. */
    public record Account(String id, String email, String name, boolean enabled, List<String> roles,
                          List<String> teams) {}

    /** An invited account and whether Keycloak could e-mail the invitation. */
    public record Invited(Account account, boolean emailSent) {}

    public List<Account> accounts() {
        var teams = teamsByEmail();
        return keycloak.organizationMembers(organizationId(), MAX_ACCOUNTS).stream()
                .map(user -> account(user, keycloak.realmRoles(user.getString("id")), teams))
                .sorted(Comparator.comparing((Account a) -> a.name().toLowerCase(Locale.ROOT))
                        .thenComparing(Account::email))
                .toList();
    }

    public Account account(String id) {
        return account(member(id), keycloak.realmRoles(id), teamsByEmail());
    }

    @Transactional
    public Invited invite(Invitation invitation) {
        lockTenant();
        if (keycloak.findUserId(invitation.email()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "An account with that e-mail already exists");
        }
        var userId = keycloak.createInvitedUser(invitation.email(), invitation.name());
        try {
            keycloak.grantRealmRoles(userId, invitation.roles());
            keycloak.addMember(organizationId(), userId);
            members.record(context.tenantId(), new CurrentUser(userId, invitation.email(), invitation.email(),
                    invitation.name(), invitation.roles()));
            audit.record(AuditEvent.of("member.invited", "member", userId, invitation.email(),
                    "Invited " + invitation.name() + " <" + invitation.email() + "> as " + names(invitation.roles()))
                    .change(null, state(invitation.roles(), true)));
        } catch (RuntimeException e) {
            undo(userId);
            throw e;
        }
        var sent = keycloak.sendActionsEmail(userId, List.of("UPDATE_PASSWORD"), INVITATION_LIFESPAN_SECONDS,
                "orden-portal", portalUrl + "/");
        if (!sent) LOG.warning("Keycloak could not e-mail the invitation to " + userId + "; is the realm's SMTP set?");
        return new Invited(account(userId), sent);
    }

    @Transactional
    public Account change(String id, AccountChange change) {
        var user = member(id);
        lockTenant();
        var roles = keycloak.realmRoles(id);
        var enabled = user.getBoolean("enabled", true);
        var newRoles = change.roles() != null ? EnumSet.copyOf(change.roles()) : EnumSet.copyOf(withNone(roles));
        var nowEnabled = change.enabled() != null ? change.enabled() : enabled;
        if (!nowEnabled && enabled && id.equals(context.user().id())) {
            throw new ProblemException(ProblemType.CONFLICT, "You cannot deactivate your own account");
        }
        boolean losesAdmin = enabled && roles.contains(Role.TENANT_ADMIN)
                && !(nowEnabled && newRoles.contains(Role.TENANT_ADMIN));
        if (losesAdmin && !anotherActiveAdmin(id)) {
            throw new ProblemException(ProblemType.CONFLICT, "The tenant must keep at least one active tenant admin");
        }
        var email = user.getString("email", user.getString("username", id));
        if (!newRoles.equals(withNone(roles))) changeRoles(id, email, user, roles, newRoles);
        if (nowEnabled != enabled) changeEnabled(id, email, nowEnabled, newRoles);
        return account(id);
    }

    private void changeRoles(String id, String email, JsonObject user, Set<Role> roles, Set<Role> newRoles) {
        var revoked = EnumSet.copyOf(withNone(roles));
        revoked.removeAll(newRoles);
        var granted = EnumSet.copyOf(withNone(newRoles));
        granted.removeAll(roles);
        if (!granted.isEmpty()) keycloak.grantRealmRoles(id, granted);
        if (!revoked.isEmpty()) keycloak.revokeRealmRoles(id, revoked);
        members.record(context.tenantId(), new CurrentUser(id, email, email, displayName(user), newRoles));
        audit.record(AuditEvent.of("member.roles_changed", "member", id, email,
                "Roles of " + email + ": " + names(roles) + " → " + names(newRoles))
                .change(Json.createObjectBuilder().add("roles", array(roles)).build(),
                        Json.createObjectBuilder().add("roles", array(newRoles)).build()));
    }

    private void changeEnabled(String id, String email, boolean enabled, Set<Role> roles) {
        keycloak.setEnabled(id, enabled);
        audit.record(AuditEvent.of(enabled ? "member.reactivated" : "member.deactivated", "member", id, email,
                (enabled ? "Reactivated " : "Deactivated ") + email)
                .change(Json.createObjectBuilder().add("enabled", !enabled).build(),
                        Json.createObjectBuilder().add("enabled", enabled).add("roles", array(roles)).build()));
    }

    private boolean anotherActiveAdmin(String exceptId) {
        return keycloak.organizationMembers(organizationId(), MAX_ACCOUNTS).stream()
                .filter(user -> user.getBoolean("enabled", true) && !exceptId.equals(user.getString("id")))
                .anyMatch(user -> keycloak.realmRoles(user.getString("id")).contains(Role.TENANT_ADMIN));
    }

    /** The organization's member with this id; anyone else, another tenant's included, is not found. */
    private JsonObject member(String id) {
        if (!isUuid(id)) throw ProblemException.notFound("Member");
        return keycloak.organizationMember(organizationId(), id)
                .orElseThrow(() -> ProblemException.notFound("Member"));
    }

    private void lockTenant() {
        tenantEm.em().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) locked")
                .setParameter(1, "members:" + context.tenantId()).getSingleResult();
    }

    private String organizationId() {
        return context.tenant().keycloakOrgId();
    }

    private void undo(String userId) {
        try {
            keycloak.deleteUser(userId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not undo the Keycloak user " + userId + " of a failed invitation", e);
        }
    }

    private Map<String, List<String>> teamsByEmail() {
        var out = new HashMap<String, List<String>>();
        var bundle = configuration.current().map(ActiveConfiguration.Active::bundle)
                .orElse(JsonObject.EMPTY_JSON_OBJECT);
        if (!(bundle.get("teams") instanceof JsonArray teams)) return out;
        for (var team : teams.getValuesAs(JsonObject.class)) {
            if (!(team.get("members") instanceof JsonArray people)) continue;
            for (var person : people) {
                if (person instanceof JsonString email) {
                    out.computeIfAbsent(email.getString().strip().toLowerCase(Locale.ROOT), e -> new ArrayList<>())
                            .add(team.getString("key", ""));
                }
            }
        }
        return out;
    }

    private static Account account(JsonObject user, Set<Role> roles, Map<String, List<String>> teams) {
        var email = user.getString("email", user.getString("username", ""));
        return new Account(user.getString("id"), email, displayName(user), user.getBoolean("enabled", true),
                roles.stream().map(Role::roleName).sorted().toList(),
                teams.getOrDefault(email.toLowerCase(Locale.ROOT), List.of()));
    }

    private static String displayName(JsonObject user) {
        var first = user.getString("firstName", "");
        var last = user.getString("lastName", "");
        var name = first.equals(last) ? first : (first + " " + last).strip();
        return name.isBlank() ? user.getString("email", user.getString("username", "")) : name;
    }

    private static JsonObject state(Set<Role> roles, boolean enabled) {
        return Json.createObjectBuilder().add("roles", array(roles)).add("enabled", enabled).build();
    }

    private static JsonArray array(Set<Role> roles) {
        var out = Json.createArrayBuilder();
        roles.stream().map(Role::roleName).sorted().forEach(out::add);
        return out.build();
    }

    private static String names(Set<Role> roles) {
        return roles.isEmpty() ? "no role" : String.join(", ", roles.stream().map(Role::roleName).sorted().toList());
    }

    private static Set<Role> withNone(Set<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles;
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return id.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
