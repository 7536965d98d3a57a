package dev.orden.tenant;

import dev.orden.identity.CurrentUser;
import dev.orden.identity.KeycloakAdmin;
import dev.orden.identity.Role;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates tenants across Keycloak and the database as one unit: every Keycloak object made is undone, newest
 * first, if a later step fails, and the database row is written last, in its own transaction.
 */
@ApplicationScoped
public class TenantProvisioning {

    private static final Logger LOG = Logger.getLogger(TenantProvisioning.class.getName());
    private static final Set<String> RESERVED_SLUGS = Set.of("admin", "api", "app", "auth", "www", "orden",
            "keycloak", "portal", "static", "status", "support", "help");

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    TenantRegistration registration;

    /** One person to create (or, for demo data, adopt) in the tenant's organization. */
    public record Person(String email, String name, Set<Role> roles) {}

    public Tenant signUp(SignupRequest request) {
        if (RESERVED_SLUGS.contains(request.slug())) {
            throw ProblemException.invalid("slug", "is reserved");
        }
        if (registration.exists(request.slug())) {
            throw new ProblemException(ProblemType.CONFLICT, "The slug '" + request.slug() + "' is taken");
        }
        if (keycloak.findUserId(request.adminEmail()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "An account with that e-mail already exists");
        }
        var admin = new Person(request.adminEmail(), request.adminName(), Set.of(Role.TENANT_ADMIN));
        return provision(request.slug(), request.company(), List.of(admin), request.password(), false);
    }

    /**
     * Demo data: creates what is missing and adopts what Keycloak already has (another database may share the
     * same Keycloak, as the test server does).
     */
    public Tenant ensure(String slug, String name, List<Person> people, String password) {
        return provision(slug, name, people, password, true);
    }

    private Tenant provision(String slug, String name, List<Person> people, String password, boolean adopt) {
        var undo = new ArrayDeque<Runnable>();
        try {
            var organizationId = adopt ? keycloak.findOrganizationId(slug).orElse(null) : null;
            if (organizationId == null) {
                organizationId = keycloak.createOrganization(slug, name);
                var created = organizationId;
                undo.push(() -> keycloak.deleteOrganization(created));
            }
            var members = new ArrayList<CurrentUser>();
            for (var person : people) {
                members.add(provisionPerson(organizationId, person, password, adopt, undo));
            }
            return registration.register(slug, name, organizationId, members);
        } catch (RuntimeException e) {
            compensate(undo);
            throw e;
        }
    }

    private CurrentUser provisionPerson(String organizationId, Person person, String password, boolean adopt,
                                        Deque<Runnable> undo) {
        var userId = adopt ? keycloak.findUserId(person.email()).orElse(null) : null;
        if (userId == null) {
            userId = keycloak.createUser(person.email(), person.name(), password);
            var created = userId;
            undo.push(() -> keycloak.deleteUser(created));
        }
        keycloak.grantRealmRoles(userId, person.roles());
        keycloak.addMember(organizationId, userId);
        return new CurrentUser(userId, person.email(), person.email(), person.name(), person.roles());
    }

    private static void compensate(Deque<Runnable> undo) {
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not undo a Keycloak change of a failed sign-up; clean it up by hand", e);
            }
        }
    }
}
