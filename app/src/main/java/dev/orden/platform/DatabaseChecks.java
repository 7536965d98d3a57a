package dev.orden.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Database settings that only a superuser can make and that the application needs for speed, not correctness:
 * warned about at start-up so an operator sees them missing (docs/benchmarks.md explains each).
 */
@ApplicationScoped
public class DatabaseChecks {

    private static final Logger LOG = Logger.getLogger(DatabaseChecks.class.getName());

    @Resource(lookup = "jdbc/orden")
    DataSource dataSource;

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(2) Object event) {
        if (!jsonbContainsIsLeakproof()) {
            LOG.warning("jsonb_contains is not LEAKPROOF in this database: under row-level security custom-field"
                    + " filters cannot use their GIN index and scan the tenant's orders. As a superuser run:"
                    + " ALTER FUNCTION pg_catalog.jsonb_contains(jsonb, jsonb) LEAKPROOF;");
        }
    }

    boolean jsonbContainsIsLeakproof() {
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery(
                     "SELECT proleakproof FROM pg_proc WHERE oid = 'pg_catalog.jsonb_contains(jsonb, jsonb)'::regprocedure")) {
            return rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            LOG.warning("Could not check jsonb_contains: " + e.getMessage());
            return true;
        }
    }
}
