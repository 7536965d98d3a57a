package dev.orden.porting;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One transaction for a whole import, begun here rather than by {@code @Transactional} because it may outlast the
 * server's default lifetime (120 s): {@code orden.import.transaction-timeout} seconds (1 h). Committed when the
 * work returns, rolled back when it throws or marked the transaction rollback-only (a refused file).
 */
@ApplicationScoped
class LongTransaction {

    @Resource
    UserTransaction transaction;

    @Inject
    @ConfigProperty(name = "orden.import.transaction-timeout", defaultValue = "3600")
    int timeoutSeconds;

    <T> T run(Supplier<T> work) {
        try {
            transaction.setTransactionTimeout(timeoutSeconds);
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException("Could not begin the import's transaction", e);
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        }
        try {
            if (transaction.getStatus() == Status.STATUS_MARKED_ROLLBACK) transaction.rollback();
            else transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException("The import's transaction failed: " + e.getMessage(), e);
        } finally {
            resetTimeout();
        }
        return result;
    }

    private void rollback() {
        try {
            transaction.rollback();
        } catch (Exception e) {
            // The work's own failure is the one to report.
        } finally {
            resetTimeout();
        }
    }

    private void resetTimeout() {
        try {
            transaction.setTransactionTimeout(0);
        } catch (Exception e) {
            // 0 restores the default; nothing else depends on it.
        }
    }
}
