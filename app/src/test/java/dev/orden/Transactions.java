package dev.orden;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

/** Runs test steps in JTA transactions, as the application's {@code @Transactional} services do. */
public final class Transactions {

    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    private Transactions() {}

    /** In a new transaction, committed if {@code work} returns. */
    public static <T> T committed(UserTransaction tx, Work<T> work) throws Exception {
        tx.begin();
        try {
            var result = work.run();
            tx.commit();
            return result;
        } catch (Exception | Error e) {
            rollbackIfActive(tx);
            throw e;
        }
    }

    /** In a new transaction, always rolled back. */
    public static <T> T rolledBack(UserTransaction tx, Work<T> work) throws Exception {
        tx.begin();
        try {
            return work.run();
        } finally {
            rollbackIfActive(tx);
        }
    }

    public static void rollbackIfActive(UserTransaction tx) throws SystemException {
        if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
            tx.rollback();
        }
    }
}
