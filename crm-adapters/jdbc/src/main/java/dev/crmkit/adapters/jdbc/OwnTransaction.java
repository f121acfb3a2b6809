package dev.crmkit.adapters.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in a transaction of its own on one connection (given, or taken from a data source and closed after):
 * auto-commit off (and an isolation level, if asked) for the work, commit when it returns, roll back when anything
 * escapes it, then the connection's auto-commit and isolation level as they were.
 *
 * <p>What every caller gets, whatever the work throws (an {@link Error} and a checked exception thrown sneakily by a
 * lambda included):
 * <ul>
 *   <li>no commit after a failure: the rollback runs before auto-commit is restored, since switching auto-commit back
 *       on commits an open transaction on many drivers; and when the rollback itself fails, nothing is restored (the
 *       connection is left in its transaction, for the pool or the caller to end, never committed here);</li>
 *   <li>the first error is the one thrown, unchanged (an {@link SQLException} stays one, an unchecked exception stays
 *       unchecked); a failed rollback or restore joins it as {@linkplain Throwable#addSuppressed suppressed};</li>
 *   <li>after a commit, a failed restore is thrown (the connection is not as it was given).</li>
 * </ul>
 * A call that changes nothing is not made: auto-commit already off, or the isolation level already the one asked.
 *
 * <p>A connection given must not be inside a transaction (review A-L8): auto-commit on, or off with nothing run on it
 * since its last commit or rollback (a pool's connection configured so). Its commit or rollback would end the
 * caller's transaction with the work's, committing or dropping what the caller did before. Where pgjdbc tells (a
 * PostgreSQL connection, through any pool's wrapper), such a connection is refused before anything is done with it;
 * elsewhere the precondition is the caller's to keep.
 */
final class OwnTransaction {

    /** Leaves the connection's isolation level as it is. */
    static final int AS_IS = -1;

    private OwnTransaction() {
    }

    /** Runs the work in a transaction of its own on a connection of its own from {@code dataSource}, then closes it. */
    static <T> T run(DataSource dataSource, int isolation, SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return run(c, isolation, work);
        }
    }

    /**
     * Runs the work in a transaction of its own on {@code c}, at the isolation level it has. {@code c} must not be
     * inside a transaction (see the class comment).
     */
    static <T> T run(Connection c, SqlWork<T> work) throws SQLException {
        return run(c, AS_IS, work);
    }

    /**
     * Runs the work in a transaction of its own on {@code c}.
     *
     * @param isolation a {@code Connection.TRANSACTION_*} level for the work, or {@link #AS_IS}
     */
    static <T> T run(Connection c, int isolation, SqlWork<T> work) throws SQLException {
        return run(c, isolation, work, null);
    }

    /**
     * Runs the work in a transaction of its own on {@code c}; when it fails and was rolled back, runs
     * {@code afterRollback} in a second transaction, before anything is restored (a lease to free, say). Its failure
     * joins the work's as suppressed, and is rolled back.
     *
     * @param isolation     a {@code Connection.TRANSACTION_*} level for the work, or {@link #AS_IS}
     * @param afterRollback what to commit after the work's rollback, or null for nothing
     */
    static <T> T run(Connection c, int isolation, SqlWork<T> work, SqlWork<?> afterRollback) throws SQLException {
        int before = isolation == AS_IS ? AS_IS : c.getTransactionIsolation();
        int restoreIsolation = before == isolation ? AS_IS : before;
        boolean restoreAutoCommit = c.getAutoCommit();
        if (!restoreAutoCommit && PgSession.inTransaction(c)) {
            throw new IllegalStateException("a transaction of its own needs a connection outside any transaction, "
                    + "but this one is inside the caller's (auto-commit off, statements run since its last commit or "
                    + "rollback): its commit or rollback would end the caller's transaction too; nothing was done");
        }
        if (restoreIsolation != AS_IS) {
            c.setTransactionIsolation(isolation); // before the transaction begins
        }
        if (restoreAutoCommit) {
            try {
                c.setAutoCommit(false);
            } catch (Throwable e) { // nothing ran yet
                restore(c, false, restoreIsolation, e);
                throw e;
            }
        }
        T result;
        try {
            result = work.run(c);
            c.commit();
        } catch (Throwable e) {
            if (rolledBack(c, e) && undone(c, afterRollback, e)) {
                restore(c, restoreAutoCommit, restoreIsolation, e);
            }
            throw e;
        }
        restore(c, restoreAutoCommit, restoreIsolation, null);
        return result;
    }

    /** Commits {@code undo} after the rollback of {@code first}; false if what it did may be left uncommitted. */
    private static boolean undone(Connection c, SqlWork<?> undo, Throwable first) {
        if (undo == null) {
            return true;
        }
        try {
            undo.run(c);
            c.commit();
            return true;
        } catch (Throwable e) {
            join(first, e);
            return rolledBack(c, first);
        }
    }

    /** Rolls back after {@code first}; a failure to do so joins it, and false says the transaction may be open. */
    private static boolean rolledBack(Connection c, Throwable first) {
        try {
            c.rollback();
            return true;
        } catch (Throwable e) {
            join(first, e);
            return false;
        }
    }

    /**
     * Sets auto-commit back on (if {@code autoCommit}) and the isolation level back (unless {@link #AS_IS}), both
     * tried. A failure joins {@code first}; without one, the first failure is thrown and the second joins it.
     */
    private static void restore(Connection c, boolean autoCommit, int isolation, Throwable first)
            throws SQLException {
        Throwable failure = first;
        if (autoCommit) {
            try {
                c.setAutoCommit(true);
            } catch (Throwable e) {
                failure = join(failure, e);
            }
        }
        if (isolation != AS_IS) {
            try {
                c.setTransactionIsolation(isolation);
            } catch (Throwable e) {
                failure = join(failure, e);
            }
        }
        if (first == null && failure != null) {
            throw thrown(failure);
        }
    }

    /** {@code later} as suppressed by {@code first}, or {@code later} itself when there is no first; the first. */
    private static Throwable join(Throwable first, Throwable later) {
        if (first == null) {
            return later;
        }
        if (first != later) {
            first.addSuppressed(later);
        }
        return first;
    }

    /** A restore's failure as the setter threw it: an SQLException to throw, or thrown here when unchecked. */
    private static SQLException thrown(Throwable failure) {
        if (failure instanceof SQLException sql) {
            return sql;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new SQLException("restoring the connection failed", failure); // a checked one thrown sneakily
    }
}
