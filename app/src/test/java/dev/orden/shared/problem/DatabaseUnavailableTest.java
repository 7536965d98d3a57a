package dev.orden.shared.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseUnavailableTest {

    @Test
    void aBrokenConnectionUnderJpaIsTheDatabaseBeingUnavailable() {
        var io = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
        var jpa = new PersistenceException(DatabaseException.sqlException(io));
        assertTrue(DatabaseUnavailable.causes(new RuntimeException("transaction rolled back", jpa)));
    }

    @Test
    void aRefusedConnectionOrAStartingServerIsToo() {
        var refused = new PSQLException("Connection to 127.0.0.1:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
        assertTrue(DatabaseUnavailable.causes(refused));
        assertTrue(DatabaseUnavailable.causes(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.causes(new SQLException("terminating connection due to crash", "57P02")));
        assertTrue(DatabaseUnavailable.causes(new SQLTransientConnectionException("no connection within 5s")));
    }

    @Test
    void aRefusedSocketUnderJdbcOrThePoolCounts() {
        var jdbc = new SQLException("Cannot open a connection", new ConnectException("Connection refused"));
        assertTrue(DatabaseUnavailable.causes(new PersistenceException(jdbc)));
        class ResourceAllocationException extends Exception {
            ResourceAllocationException(Throwable cause) {
                super(cause);
            }
        }
        assertTrue(DatabaseUnavailable.causes(new IllegalStateException(
                new ResourceAllocationException(new ConnectException("Connection timed out")))));
    }

    /** Keycloak out of reach surfaces as the JAX-RS client's ProcessingException over the same ConnectException. */
    @Test
    void aRefusedSocketOfAnHttpClientIsNotTheDatabase() {
        var keycloak = new ProcessingException("RESTEASY004655: Unable to invoke request",
                new ConnectException("Connection refused"));
        assertFalse(DatabaseUnavailable.causes(keycloak));
        assertFalse(DatabaseUnavailable.causes(new IllegalStateException("import failed", keycloak)));
        assertFalse(DatabaseUnavailable.causes(new ConnectException("Connection refused")));
    }

    @Test
    void aChainedConnectionFailureCounts() {
        var batch = new SQLException("batch entry 3 failed", "25P02");
        batch.setNextException(new SQLException("connection reset", "08006"));
        assertTrue(DatabaseUnavailable.causes(new PersistenceException(batch)));
    }

    /** Liberty's own exceptions are matched by name: they are not on the application's class path. */
    @Test
    void libertysStaleConnectionCounts() {
        class StaleConnectionException extends SQLException {}
        assertTrue(DatabaseUnavailable.causes(new IllegalStateException(new StaleConnectionException())));
    }

    @Test
    void errorsOfTheRequestOrTheCodeAreNot() {
        assertFalse(DatabaseUnavailable.causes(new PersistenceException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(DatabaseUnavailable.causes(new SQLException("canceling statement due to statement timeout",
                "57014")));
        assertFalse(DatabaseUnavailable.causes(new IllegalStateException("boom")));
        assertFalse(DatabaseUnavailable.causes(null));
    }
}
