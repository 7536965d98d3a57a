package dev.orden.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Applies the schema migrations at start-up, as the schema owner, before anything else touches the database.
 * The runtime role is a placeholder so that migrations grant it exactly what it needs.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "jdbc/ordenMigration")
    DataSource ownerDataSource;

    @Inject
    @ConfigProperty(name = "orden.db.app-user", defaultValue = "orden_app")
    String appRole;

    private volatile boolean migrated;

    void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object event) {
        migrate();
    }

    public synchronized void migrate() {
        if (migrated) return;
        var flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(ownerDataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", quoteIdentifier(appRole), "schema", "public"))
                .load();
        var applied = flyway.migrate().migrationsExecuted;
        LOG.info(() -> "Schema at version " + flyway.info().current().getVersion() + " (" + applied
                + " migrations applied now)");
        migrated = true;
    }

    public boolean isMigrated() {
        return migrated;
    }

    private static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
