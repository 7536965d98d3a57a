package dev.orden.schedule;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Claims due jobs of every tenant through {@code claim_scheduled_jobs} (V9): one statement, its own short
 * transaction, {@code FOR UPDATE SKIP LOCKED} inside, so two servers polling at the same instant get disjoint
 * jobs, and a job whose lease is running is nobody else's. Plain JDBC outside JTA: the claim must commit at once,
 * before the jobs run, and binds no tenant.
 */
@ApplicationScoped
public class JobClaims {

    static final String CLAIM = "SELECT tenant_id, id, lease_token FROM claim_scheduled_jobs(?, ?, ?::interval)";

    @Resource(lookup = "jdbc/orden")
    DataSource dataSource;

    public List<ClaimedJob> claim(Collection<String> kinds, int batch, Duration lease) {
        if (kinds.isEmpty() || batch <= 0) return List.of();
        try (var connection = dataSource.getConnection()) {
            return claim(connection, kinds, batch, lease);
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming jobs failed: " + e.getMessage(), e);
        }
    }

    /** The claim on a connection of the application's role in auto-commit mode (also what the tests race). */
    public static List<ClaimedJob> claim(Connection connection, Collection<String> kinds, int batch, Duration lease)
            throws SQLException {
        try (var statement = connection.prepareStatement(CLAIM)) {
            statement.setArray(1, connection.createArrayOf("text", kinds.toArray()));
            statement.setInt(2, batch);
            statement.setString(3, lease.toMillis() + " milliseconds");
            var claimed = new ArrayList<ClaimedJob>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new ClaimedJob(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getObject(3, UUID.class)));
                }
            }
            if (claimed.size() > batch) {
                // Never since V33; were it to happen, running them would overrun the caller's slots. Their leases
                // run out and they are claimed again.
                throw new IllegalStateException("Asked for " + batch + " jobs, the claim returned " + claimed.size());
            }
            return claimed;
        }
    }
}
