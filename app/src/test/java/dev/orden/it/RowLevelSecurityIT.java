package dev.orden.it;

import static dev.orden.it.WorkOrders.comment;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.platform.DatabaseChecks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's row-level security on its own, with plain JDBC as the application's role and no JPA: the
 * database hides and protects other tenants' rows even from code that forgets the tenant filter.
 */
class RowLevelSecurityIT {

    private static final List<String> TENANT_TABLES = List.of("member", "work_order_counter", "work_order",
            "work_order_event", "work_order_comment");
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String TABLES_WITH_TENANT_ID = """
            SELECT count(*) FROM pg_class t
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
            WHERE t.relnamespace = 'public'::regnamespace AND t.relkind IN ('r', 'p')
            """;

    static UUID acme;
    static UUID globex;
    static UUID acmeOrderId;
    static String acmeOrderTitle;
    static Api acmeDispatcher;

    @BeforeAll
    static void anAcmeOrderWithHistoryAndAComment() {
        acmeDispatcher = Api.as(It.ACME_DISPATCHER);
        var order = create(acmeDispatcher, It.unique("rls"));
        acmeOrderId = UUID.fromString(order.getString("id"));
        acmeOrderTitle = order.getString("title");
        comment(acmeDispatcher, order.getString("id"), "a comment", "PUBLIC").expect(201);
        var tenants = Db.tenantIds();
        acme = tenants.get("acme");
        globex = tenants.get("globex");
        assertTrue(acme != null && globex != null, "demo tenants missing: " + tenants);
    }

    @AfterAll
    static void theOrderIsAsTheApiLeftIt() {
        var stored = get(acmeDispatcher, acmeOrderId.toString());
        assertEquals(acmeOrderTitle, stored.getString("title"));
        assertEquals(1, stored.getInt("version"));
    }

    /** Runs {@code work} in a transaction with {@code app.tenant_id} set as the server sets it; rolls back. */
    private static <T> T asTenant(Connection connection, UUID tenant, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (var set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant.toString());
                set.executeQuery().close();
            }
            return work.run(connection);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            return statement.executeUpdate();
        }
    }

    @Test
    void withoutTheTenantSettingNoTenantRowIsVisible() throws SQLException {
        try (var connection = Db.connectAsApp()) {
            for (var table : TENANT_TABLES) {
                assertEquals(0, count(connection, "SELECT count(*) FROM " + table), table);
            }
            assertEquals(0, count(connection, "SELECT count(*) FROM work_order WHERE id = ?", acmeOrderId));
            for (var table : TENANT_TABLES) {
                assertTrue(asTenant(connection, acme, c -> count(c, "SELECT count(*) FROM " + table)) > 0,
                        "acme has rows in " + table + ", so the zero above is RLS at work");
            }
            assertEquals(0, update(connection, "UPDATE work_order SET title = 'no tenant' WHERE id = ?",
                    acmeOrderId));
        }
    }

    @Test
    void anotherTenantsSettingNeitherSeesNorChangesTheRows() throws SQLException {
        try (var connection = Db.connectAsApp()) {
            asTenant(connection, globex, c -> {
                assertEquals(0, count(c, "SELECT count(*) FROM work_order WHERE id = ?", acmeOrderId));
                assertEquals(0, count(c, "SELECT count(*) FROM work_order WHERE tenant_id = ?", acme));
                assertEquals(0, count(c, "SELECT count(*) FROM work_order_event WHERE work_order_id = ?",
                        acmeOrderId));
                assertEquals(0, count(c, "SELECT count(*) FROM work_order_comment WHERE work_order_id = ?",
                        acmeOrderId));
                assertEquals(0, count(c, "SELECT count(*) FROM member WHERE tenant_id = ?", acme));
                assertEquals(0, update(c, "UPDATE work_order SET title = 'hijacked' WHERE id = ?", acmeOrderId));
                assertEquals(0, update(c, "UPDATE work_order SET tenant_id = ? WHERE id = ?", globex,
                        acmeOrderId));
                return null;
            });
            asTenant(connection, acme, c -> {
                assertEquals(1, count(c, "SELECT count(*) FROM work_order WHERE id = ? AND title = ?", acmeOrderId,
                        acmeOrderTitle));
                assertEquals(0, count(c, "SELECT count(*) FROM work_order WHERE tenant_id <> ?", acme));
                return null;
            });
        }
    }

    @Test
    void rowsForAnotherTenantCannotBeWritten() throws SQLException {
        try (var connection = Db.connectAsApp()) {
            var forged = assertThrows(SQLException.class, () -> asTenant(connection, globex, c -> update(c, """
                    INSERT INTO work_order (tenant_id, id, number, title, type, priority, status, requester_id,
                                            custom_fields, created_at, created_by, updated_at, version)
                    VALUES (?, ?, 987654321, 'forged', 'general', 'NORMAL', 'NEW', 'x', '{}', now(), 'x', now(), 1)
                    """, acme, UUID.randomUUID())));
            assertEquals(INSUFFICIENT_PRIVILEGE, forged.getSQLState(), forged.getMessage());
            assertTrue(forged.getMessage().contains("row-level security"), forged.getMessage());

            var forgedHistory = assertThrows(SQLException.class, () -> asTenant(connection, globex, c -> update(c, """
                    INSERT INTO work_order_event (tenant_id, id, work_order_id, occurred_at, kind, visibility)
                    VALUES (?, ?, ?, now(), 'COMMENTED', 'PUBLIC')""", acme, UUID.randomUUID(), acmeOrderId)));
            assertEquals(INSUFFICIENT_PRIVILEGE, forgedHistory.getSQLState(), forgedHistory.getMessage());

            var noTenant = assertThrows(SQLException.class, () -> update(connection, """
                    INSERT INTO work_order_comment (tenant_id, id, work_order_id, author_id, body, visibility,
                                                    created_at)
                    VALUES (?, ?, ?, 'x', 'forged', 'PUBLIC', now())""", acme, UUID.randomUUID(), acmeOrderId));
            assertEquals(INSUFFICIENT_PRIVILEGE, noTenant.getSQLState(), noTenant.getMessage());
        }
        acmeDispatcher.get("/workorders/987654321").problem(404, "not-found");
    }

    @Test
    void theSettingLastsOneTransactionSoPooledConnectionsDoNotLeakIt() throws SQLException {
        try (var connection = Db.connectAsApp()) {
            connection.setAutoCommit(false);
            try (var set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, acme.toString());
                set.executeQuery().close();
            }
            assertTrue(count(connection, "SELECT count(*) FROM work_order") > 0);
            connection.commit();
            connection.setAutoCommit(true);
            assertEquals(0, count(connection, "SELECT count(*) FROM work_order"),
                    "after commit the next user of this connection must see nothing");
        }
    }

    @Test
    void historyAndCommentsAreAppendOnlyForTheApplicationRole() throws SQLException {
        try (var connection = Db.connectAsApp()) {
            for (var sql : List.of(
                    "UPDATE work_order_event SET comment = 'rewritten' WHERE work_order_id = ?",
                    "DELETE FROM work_order_event WHERE work_order_id = ?",
                    "UPDATE work_order_comment SET body = 'rewritten' WHERE work_order_id = ?",
                    "DELETE FROM work_order_comment WHERE work_order_id = ?",
                    "DELETE FROM work_order WHERE id = ?")) {
                var denied = assertThrows(SQLException.class,
                        () -> asTenant(connection, acme, c -> update(c, sql, acmeOrderId)), sql);
                assertEquals(INSUFFICIENT_PRIVILEGE, denied.getSQLState(), sql + ": " + denied.getMessage());
                assertTrue(denied.getMessage().contains("permission denied"), denied.getMessage());
            }
            long events = asTenant(connection, acme, c -> count(c,
                    "SELECT count(*) FROM work_order_event WHERE work_order_id = ?", acmeOrderId));
            assertEquals(2, events, "CREATED and COMMENTED, untouched");
        }
    }

    /** Guards every future migration: a table that holds tenant rows is isolated, whatever its name. */
    @Test
    void everyTableWithATenantIdColumnHasForcedRowLevelSecurityAndTheTenantPolicy() throws SQLException {
        try (var connection = Db.connectAsApp()) {
            // The catalogs, not information_schema: it hides tables this role has no privilege on.
            var tenantTables = count(connection, TABLES_WITH_TENANT_ID);
            assertTrue(tenantTables >= TENANT_TABLES.size() + 2, "the work-order and configuration tables at least");
            assertEquals(0, count(connection, TABLES_WITH_TENANT_ID + """
                      AND NOT (t.relrowsecurity AND t.relforcerowsecurity AND EXISTS (
                          SELECT 1 FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = t.relname
                            AND p.policyname = 'tenant_isolation'
                            AND p.qual LIKE '%current_setting(''app.tenant_id''%'
                            AND p.with_check LIKE '%current_setting(''app.tenant_id''%'))"""),
                    "a table with tenant_id lacks forced RLS or the tenant_isolation policy");
        }
    }

    /**
     * The provisioning (./orden) marks jsonb @>, lower and LIKE leakproof: without it no index can serve a
     * custom-field filter or the text search under forced RLS, and each scans the tenant's orders (the plans are in
     * docs/benchmarks.md and docs/performance.md).
     */
    @Test
    void theFunctionsOfIndexedFiltersAreLeakproofSoTheirIndexesServeThem() throws SQLException {
        try (var connection = Db.connectAsApp()) {
            for (var function : DatabaseChecks.LEAKPROOF) {
                assertEquals(1, count(connection, "SELECT count(*) FROM pg_proc WHERE oid = ?::regprocedure"
                        + " AND proleakproof", function), function);
            }
            assertEquals(2, count(connection, "SELECT count(*) FROM pg_indexes WHERE tablename = 'work_order'"
                    + " AND indexdef LIKE '%USING gin (tenant_id, lower(%gin_trgm_ops)'"), "the text search's trigram indexes");
        }
    }

    @Test
    void theApplicationRoleCannotBypassRowLevelSecurity() throws SQLException {
        try (var connection = Db.connectAsApp()) {
            assertEquals(1, count(connection, "SELECT count(*) FROM pg_roles WHERE rolname = current_user"
                    + " AND NOT rolsuper AND NOT rolbypassrls"));
            assertEquals(0, count(connection,
                    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user"));
            for (var table : TENANT_TABLES) {
                assertEquals(1, count(connection, "SELECT count(*) FROM pg_class WHERE relname = ?"
                        + " AND relrowsecurity AND relforcerowsecurity", table), table);
            }
            // Turning row security off does not help a role without BYPASSRLS: the query fails instead.
            update(connection, "SET row_security = off");
            var denied = assertThrows(SQLException.class, () -> count(connection, "SELECT count(*) FROM work_order"));
            assertEquals(INSUFFICIENT_PRIVILEGE, denied.getSQLState(), denied.getMessage());
        }
    }
}
