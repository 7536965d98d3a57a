package dev.orden.config;

import static dev.orden.Transactions.committed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.InContainerDeployment;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.tenant.TestTenants;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenants that predate configurations get version 1 of the default bundle, once, and keep what they have. */
@ExtendWith(ArquillianExtension.class)
class ConfigurationBackfillInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return InContainerDeployment.create(ConfigurationBackfillInContainerIT.class);
    }

    @Inject
    ConfigurationBackfill backfill;

    @Inject
    ConfigService configuration;

    @Inject
    TestTenants tenants;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    UserTransaction tx;

    @Test
    void aTenantWithoutConfigurationGetsVersionOneOnceAndOthersAreLeftAlone() throws Exception {
        var bare = tenants.create("bare");
        var configured = tenants.create("configured");
        committed(tx, () -> {
            configuration.seed(configured.id(), configured.slug());
            return null;
        });

        assertTrue(backfill.seedMissing() >= 1, "the bare tenant must be seeded");
        assertEquals(List.of("1 PUBLISHED active"), versions(bare.id()));
        assertEquals(List.of("1 PUBLISHED active"), versions(configured.id()), "an existing version is kept as is");

        assertEquals(0, backfill.seedMissing(), "a second run finds nothing to do");
        assertEquals(List.of("1 PUBLISHED active"), versions(bare.id()));
    }

    private List<String> versions(UUID tenantId) throws Exception {
        return committed(tx, () -> tenantEm.bind(tenantId).createNativeQuery("""
                        SELECT v.version || ' ' || v.status || CASE WHEN a.version = v.version THEN ' active' ELSE '' END
                        FROM config_version v LEFT JOIN tenant_config_active a ON a.tenant_id = v.tenant_id
                        ORDER BY v.version""")
                .getResultList().stream().map(Object::toString).toList());
    }
}
