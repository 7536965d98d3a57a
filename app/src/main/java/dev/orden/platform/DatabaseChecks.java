package dev.orden.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Database settings that only a superuser can make and that the application needs for speed, not correctness:
 * warned about at start-up so an operator sees them missing (docs/benchmarks.md and docs/performance.md explain them).
 */
@ApplicationScoped
public class DatabaseChecks {

    private static final Logger LOG = Logger.getLogger(DatabaseChecks.class.getName());

    /**
     * The functions the provisioning marks LEAKPROOF: under forced row-level security an index serves a condition
     * only when its functions are. jsonb @> for custom-field filters; lower and LIKE for the text search.
     */
    public static final List<String> LEAKPROOF = List.of("pg_catalog.jsonb_contains(jsonb, jsonb)",
            "pg_catalog.lower(text)", "pg_catalog.textlike(text, text)");

    @Resource(lookup = "jdbc/orden")
    DataSource dataSource;

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(2) Object event) {
        var missing = notLeakproof();
        if (!missing.isEmpty()) {
            LOG.warning("Not LEAKPROOF in this database: " + String.join(", ", missing) + ". Under row-level security"
                    + " custom-field filters and the text search then cannot use their indexes and scan the tenant's"
                    + " orders. As a superuser run, for each: ALTER FUNCTION <function> LEAKPROOF;");
        }
    }

    /** The functions of {@link #LEAKPROOF} this database has not marked (none when it cannot tell). */
    List<String> notLeakproof() {
        var missing = new ArrayList<String>();
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "SELECT proleakproof FROM pg_proc WHERE oid = ?::regprocedure")) {
            for (var function : LEAKPROOF) {
                statement.setString(1, function);
                try (var rows = statement.executeQuery()) {
                    if (!(rows.next() && rows.getBoolean(1))) missing.add(function);
                }
            }
        } catch (SQLException e) {
            LOG.warning("Could not check the LEAKPROOF functions: " + e.getMessage());
            return List.of();
        }
        return missing;
    }
}
