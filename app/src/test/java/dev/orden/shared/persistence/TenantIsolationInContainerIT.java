package dev.orden.shared.persistence;

import static dev.orden.Transactions.committed;
import static dev.orden.Transactions.rolledBack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.InContainerDeployment;
import dev.orden.Transactions;
import dev.orden.tenant.Tenant;
import dev.orden.tenant.TestTenants;
import dev.orden.workorder.WorkOrder;
import dev.orden.workorder.WorkOrderFixtures;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation inside the server, with the real container EntityManager, JTA and pool, as the orden_app role:
 * each of the two layers of {@link TenantEntityManager} (EclipseLink's tenant discriminator and PostgreSQL's
 * row-level security on {@code app.tenant_id}) is shown to hold on its own, and the binding never outlives its
 * transaction. Every test makes its own tenants, so runs never share rows.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationInContainerIT {

    private static final String TITLE_BY_ID = "SELECT title FROM work_order WHERE id = ?1";
    private static final String CONNECTION_STATE = "SELECT pg_backend_pid(), current_setting('app.tenant_id', true),"
            + " (SELECT count(*) FROM work_order)";

    @Deployment
    static WebArchive deployment() {
        return InContainerDeployment.create(TenantIsolationInContainerIT.class);
    }

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    UnboundEntityManager unbound;

    @Inject
    TestTenants tenants;

    @Inject
    UserTransaction tx;

    @Test
    void rowLevelSecurityAloneKeepsNativeSqlInsideTheBoundTenant() throws Exception {
        var a = tenants.create("a");
        var b = tenants.create("b");
        var order = openOrder(a, "A's order");

        // Native SQL gets no tenant filter from EclipseLink: only row-level security stands between B and A's row.
        assertEquals(List.of(), committed(tx, () -> titleOf(tenantEm.bind(b.id()), order)),
                "bound to B, a native SELECT must not see A's order");
        assertEquals(0, committed(tx, () -> tenantEm.bind(b.id())
                        .createNativeQuery("UPDATE work_order SET title = 'taken over by B' WHERE id = ?1")
                        .setParameter(1, order).executeUpdate()),
                "bound to B, a native UPDATE of A's order must touch no row");
        assertEquals(List.of("A's order"), committed(tx, () -> titleOf(tenantEm.bind(a.id()), order)),
                "bound to A, the native SELECT sees A's order, unchanged");
    }

    @Test
    void tenantDiscriminatorAloneKeepsJpaInsideTheBoundTenant() throws Exception {
        var a = tenants.create("a");
        var b = tenants.create("b");
        var orderOfA = openOrder(a, "A's order");
        var orderOfB = openOrder(b, "B's order");

        committed(tx, () -> {
            var em = tenantEm.bind(b.id());
            assertNull(em.find(WorkOrder.class, orderOfA), "bound to B, find(A's id) must be null");
            assertEquals(List.of(orderOfB), ids(em), "bound to B, JPQL lists B's orders only");
            return null;
        });

        // Now only the JPA filter is left: EclipseLink stays bound to B while row-level security is opened to A's
        // rows for this one transaction (rolled back).
        rolledBack(tx, () -> {
            var em = tenantEm.bind(b.id());
            em.createNativeQuery("SELECT set_config('app.tenant_id', ?1, true)").setParameter(1, a.id().toString())
                    .getSingleResult();
            assertEquals(List.of("A's order"), titleOf(em, orderOfA), "control: row-level security lets A's row by");
            assertNull(em.find(WorkOrder.class, orderOfA), "the tenant discriminator alone must hide A's order");
            assertFalse(ids(em).contains(orderOfA), "JPQL must not list A's order");
            assertEquals(List.of(), em.createQuery("SELECT w FROM WorkOrder w WHERE w.id = :id", WorkOrder.class)
                    .setParameter("id", orderOfA).getResultList(), "JPQL by id must not find A's order");
            return null;
        });
    }

    @Test
    void tenantSettingNeverLeaksThroughThePool() throws Exception {
        var a = tenants.create("a");
        openOrder(a, "A's order");
        var boundConnections = new HashSet<Integer>();
        var unboundConnections = new HashSet<Integer>();

        for (int i = 0; i < 50; i++) {
            // Every fifth one rolls back: the setting must not survive that either.
            Transactions.Work<Object[]> bound = () -> state(tenantEm.bind(a.id()));
            var state = i % 5 == 4 ? rolledBack(tx, bound) : committed(tx, bound);
            assertEquals(a.id().toString(), state[1], "bound to A, app.tenant_id is A");
            assertTrue(((Number) state[2]).longValue() >= 1, "bound to A, A's order is visible");
            boundConnections.add((Integer) state[0]);
        }
        for (int i = 0; i < 50; i++) {
            assertNothingLeftOver(committed(tx, () -> state(unbound.get())), unboundConnections);
        }
        for (int i = 0; i < 20; i++) {  // the very next transaction, each time
            boundConnections.add((Integer) committed(tx, () -> state(tenantEm.bind(a.id())))[0]);
            assertNothingLeftOver(committed(tx, () -> state(unbound.get())), unboundConnections);
        }

        var reused = new HashSet<>(boundConnections);
        reused.retainAll(unboundConnections);
        assertFalse(reused.isEmpty(), "the unbound transactions must have run on connections that were bound to A"
                + " before (bound: " + boundConnections + ", unbound: " + unboundConnections + ")");
    }

    @Test
    void oneTransactionNeverTouchesTwoTenants() throws Exception {
        var a = tenants.create("a");
        var b = tenants.create("b");
        var orderOfA = openOrder(a, "A's order");

        rolledBack(tx, () -> {
            var em = tenantEm.bind(a.id());
            var refused = assertThrows(IllegalStateException.class, () -> tenantEm.bind(b.id()));
            assertTrue(refused.getMessage().contains("two tenants"), refused.getMessage());
            tenantEm.bind(a.id());  // the same tenant again is fine
            // Neither layer moved to B.
            assertEquals(a.id().toString(),
                    em.createNativeQuery("SELECT current_setting('app.tenant_id', true)").getSingleResult());
            assertNotNull(em.find(WorkOrder.class, orderOfA), "still bound to A for JPA");
            return null;
        });

        var outside = assertThrows(IllegalStateException.class, () -> tenantEm.bind(a.id()));
        assertTrue(outside.getMessage().contains("inside a transaction"), outside.getMessage());
    }

    private UUID openOrder(Tenant tenant, String title) throws Exception {
        return committed(tx, () -> WorkOrderFixtures.open(tenantEm.bind(tenant.id()), 1, title).id());
    }

    private static List<?> titleOf(EntityManager em, UUID order) {
        return em.createNativeQuery(TITLE_BY_ID).setParameter(1, order).getResultList();
    }

    private static List<UUID> ids(EntityManager em) {
        return em.createQuery("SELECT w FROM WorkOrder w", WorkOrder.class).getResultStream().map(WorkOrder::id)
                .toList();
    }

    private static Object[] state(EntityManager em) {
        return (Object[]) em.createNativeQuery(CONNECTION_STATE).getSingleResult();
    }

    private static void assertNothingLeftOver(Object[] state, Set<Integer> connections) {
        var setting = (String) state[1];
        assertTrue(setting == null || setting.isEmpty(),
                "unbound, app.tenant_id must be unset on connection " + state[0] + " but is " + setting);
        assertEquals(0L, ((Number) state[2]).longValue(), "unbound, no work order may be visible");
        connections.add((Integer) state[0]);
    }
}
