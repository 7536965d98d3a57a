package dev.orden.shared.problem;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.exceptions.DatabaseException;

/**
 * A failure that means the database is out of reach (down, restarting, refusing connections, or the pool waited too
 * long for one), not that the request was wrong: the client gets a 503 with {@code Retry-After} and may try again;
 * the pool has already dropped the dead connections (Liberty purges it on the first stale one), so the server
 * recovers by itself once the database is back (docs/reliability.md).
 */
public final class DatabaseUnavailable {

    /** Class 08 is connection_exception; these are PostgreSQL's shutting-down, starting-up and full states. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("53300", "57P01", "57P02", "57P03");
    /** Liberty's own: a connection found broken, and no pooled connection free within connectionTimeout. */
    private static final Set<String> POOL_FAILURES = Set.of("StaleConnectionException",
            "ConnectionWaitTimeoutException");
    /** Liberty's connection manager reports a connection it could not open as one of these (JCA). */
    private static final Set<String> DATABASE_ACCESS_FAILURES = Set.of("ResourceException",
            "ResourceAllocationException");
    private static final int MAX_DEPTH = 32;

    private DatabaseUnavailable() {}

    /**
     * True if {@code failure} or any of its causes (or chained SQL exceptions) says the database is unreachable. A
     * refused or timed-out socket counts only below a database-access failure (JDBC, JPA, EclipseLink, the connection
     * pool): the same {@link ConnectException} from an HTTP client (Keycloak, a webhook) is not the database's.
     */
    public static boolean causes(Throwable failure) {
        int depth = 0;
        boolean underDatabaseAccess = false;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (unreachable(cause) || underDatabaseAccess && cause instanceof ConnectException) return true;
            if (cause instanceof SQLException sql && sql.getNextException() != null
                    && unreachable(sql.getNextException())) {
                return true;
            }
            underDatabaseAccess |= databaseAccess(cause);
        }
        return false;
    }

    private static boolean databaseAccess(Throwable failure) {
        return failure instanceof SQLException || failure instanceof PersistenceException
                || failure instanceof DatabaseException
                || DATABASE_ACCESS_FAILURES.contains(failure.getClass().getSimpleName());
    }

    private static boolean unreachable(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLRecoverableException) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            var state = sql.getSQLState();
            if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) return true;
        }
        return POOL_FAILURES.contains(failure.getClass().getSimpleName());
    }

    /** The 503 problem, with {@code Retry-After} in seconds ({@code orden.db.retry-after}, 5 by default). */
    public static Response response(String instance) {
        var problem = Problem.of(ProblemType.UNAVAILABLE, "The database cannot be reached; try again shortly");
        return Response.fromResponse(problem.at(instance).toResponse())
                .header("Retry-After", retryAfterSeconds())
                .build();
    }

    static long retryAfterSeconds() {
        try {
            return ConfigProvider.getConfig().getOptionalValue("orden.db.retry-after", Duration.class)
                    .map(Duration::toSeconds).orElse(5L);
        } catch (RuntimeException e) {
            return 5;
        }
    }
}
