package dev.orden.tenant;

import dev.orden.config.ConfigService;
import dev.orden.identity.CurrentUser;
import dev.orden.identity.MemberDirectory;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.shared.persistence.UniqueViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;

/** The database half of creating a tenant: its row, its first members and configuration, in one transaction. */
@ApplicationScoped
public class TenantRegistration {

    @Inject
    TenantRepository tenants;

    @Inject
    MemberDirectory members;

    @Inject
    TenantDirectory directory;

    @Inject
    ConfigService configuration;

    @Transactional
    public Tenant register(String slug, String name, String organizationId, List<CurrentUser> people) {
        var tenant = new Tenant(slug, name, organizationId);
        try {
            tenants.add(tenant);
        } catch (PersistenceException e) {
            if (UniqueViolation.isCause(e)) {
                throw new ProblemException(ProblemType.CONFLICT, "The slug '" + slug + "' is taken");
            }
            throw e;
        }
        people.forEach(person -> members.record(tenant.id(), person));
        configuration.seed(tenant.id(), slug);
        directory.forget(slug);
        return tenant;
    }

    @Transactional
    public boolean exists(String slug) {
        return tenants.findBySlug(slug).isPresent();
    }
}
