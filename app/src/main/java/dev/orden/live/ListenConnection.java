package dev.orden.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The one connection a server listens on. pgjdbc's types stay in this class, which is no CDI bean, so that the
 * beans load where the driver is not visible (the in-container test archive).
 */
final class ListenConnection implements AutoCloseable {

    private static final Duration CHECK_WHEN_IDLE = Duration.ofSeconds(10);

    private final Connection connection;
    private final PGConnection pg;
    private long idleSince = System.nanoTime();

    private ListenConnection(Connection connection) throws SQLException {
        this.connection = connection;
        this.pg = connection.unwrap(PGConnection.class);
    }

    static ListenConnection open(DataSource dataSource, String channel) throws SQLException {
        var connection = dataSource.getConnection();
        try (var statement = connection.createStatement()) {
            statement.execute("SET application_name = 'orden-live-listener'");
            statement.execute("LISTEN " + channel);
            return new ListenConnection(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The payloads that arrived within {@code timeout}. A quiet connection is checked now and then: a dead peer
     * sends nothing, so waiting alone would never notice it.
     */
    List<String> await(Duration timeout) throws SQLException {
        PGNotification[] notifications = pg.getNotifications((int) timeout.toMillis());
        if (notifications != null && notifications.length > 0) {
            idleSince = System.nanoTime();
            return Arrays.stream(notifications).map(PGNotification::getParameter).toList();
        }
        if (System.nanoTime() - idleSince > CHECK_WHEN_IDLE.toNanos()) {
            try (var statement = connection.createStatement()) {
                statement.setQueryTimeout(5);
                statement.execute("SELECT 1");
            }
            idleSince = System.nanoTime();
        }
        return List.of();
    }

    /**
     * Stops listening before the connection goes back to the pool. A broken one fails here with a connection error,
     * on which Liberty discards it (and the rest of the pool) rather than pooling it again.
     */
    @Override
    public void close() {
        try (connection; var statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("RESET application_name");
        } catch (SQLException e) {
            // Broken: already discarded.
        }
    }
}
