package dev.orden.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Plain JDBC to the test database as the application's runtime role, bypassing the server entirely. */
final class Db {

    static final String APP_ROLE = "orden_app";

    private Db() {}

    static Connection connectAsApp() throws SQLException {
        return DriverManager.getConnection(It.JDBC_URL, APP_ROLE, "orden_app");
    }

    /** Tenant ids by slug; the tenant table has no row-level security. */
    static Map<String, UUID> tenantIds() {
        try (var connection = connectAsApp(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT id, slug FROM tenant")) {
            var ids = new HashMap<String, UUID>();
            while (rows.next()) ids.put(rows.getString("slug"), rows.getObject("id", UUID.class));
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A count over tenant rows, read as the application reads them: inside a transaction bound to the tenant. */
    static long countAs(UUID tenantId, String sql, Object... parameters) {
        try (var connection = connectAsApp()) {
            connection.setAutoCommit(false);
            try (var bind = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, tenantId.toString());
                bind.execute();
            }
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... parameters) {
        try (var connection = connectAsApp(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement that changes tenant rows, as the tenant, committed; returns the rows it changed. */
    static int updateAs(UUID tenantId, String sql, Object... parameters) {
        try (var connection = connectAsApp()) {
            connection.setAutoCommit(false);
            bind(connection, tenantId);
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
                int changed = statement.executeUpdate();
                connection.commit();
                return changed;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a query over tenant rows, as the tenant; each row its columns' values in order. */
    static java.util.List<java.util.List<Object>> rowsAs(UUID tenantId, String sql, Object... parameters) {
        try (var connection = connectAsApp()) {
            connection.setAutoCommit(false);
            bind(connection, tenantId);
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
                var rows = new java.util.ArrayList<java.util.List<Object>>();
                try (var result = statement.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        var row = new java.util.ArrayList<Object>();
                        for (int c = 1; c <= columns; c++) row.add(result.getObject(c));
                        rows.add(row);
                    }
                }
                return rows;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void bind(Connection connection, UUID tenantId) throws SQLException {
        try (var bind = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            bind.setString(1, tenantId.toString());
            bind.execute();
        }
    }
}
