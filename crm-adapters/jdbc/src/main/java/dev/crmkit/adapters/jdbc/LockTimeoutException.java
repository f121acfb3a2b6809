package dev.crmkit.adapters.jdbc;

import java.sql.SQLException;

/**
 * A statement waited for a lock that another session held longer than the database lets it wait: PostgreSQL's
 * {@code lock_timeout} (SQLState {@code 55P03}), MariaDB's {@code innodb_lock_wait_timeout} (error 1205) or H2's
 * {@code LOCK_TIMEOUT} (error 50200). The unit of work it happened in was rolled back, and it is not rerun: unlike a
 * deadlock, nobody was chosen as a victim, and running the unit again would wait for the same lock again. It fails at
 * once, the same on every database, and {@link #isRetryable()} is false; look for the long transaction that holds the
 * lock.
 */
public class LockTimeoutException extends JdbcStoreException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a statement that timed out waiting for a lock. */
    public LockTimeoutException(String what, SQLException cause) {
        super(what + ": a lock it needed was held too long by another session, longer than the database's lock-wait "
                + "timeout; the unit of work was rolled back and is not rerun", cause, false);
    }
}
