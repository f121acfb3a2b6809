package dev.crmkit.adapters.jdbc;

import java.sql.SQLException;

/**
 * A database failure the JDBC store could not turn into a domain answer: the connection broke, the schema is missing,
 * the database refused a statement. The unit of work it happened in was rolled back — except for the subtype
 * {@link CommitOutcomeUnknownException}: the commit itself failed, so the unit may have committed. A failure before
 * the commit call (a statement, the outbox write) always means rolled back.
 *
 * <p>{@link #isRetryable()} tells a deadlock or serialization failure apart: the database chose this unit of work as
 * the victim of a conflict, and running the whole unit again (re-reading what it read) is the usual remedy.
 */
public class JdbcStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /** Creates the exception for a failed statement. */
    public JdbcStoreException(String message, SQLException cause, boolean retryable) {
        super(message + ": " + cause.getMessage() + " (SQLState " + stateOf(cause) + ")", cause);
        this.retryable = retryable;
    }

    /** Whether the database aborted the unit of work to resolve a conflict, so running it again may succeed. */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * The SQL state of the failure, for example {@code 40P01} for a PostgreSQL deadlock, or {@code 57P01} for a
     * backend an administrator terminated. When the failed statement carries none (a batch that failed as a whole), it
     * is the first state found among its chained and causing exceptions; null if none has one.
     */
    public String sqlState() {
        return stateOf((SQLException) getCause());
    }

    static String stateOf(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException x) {
                for (SQLException n = x; n != null; n = n.getNextException()) {
                    if (n.getSQLState() != null) {
                        return n.getSQLState();
                    }
                }
            }
        }
        return null;
    }
}
