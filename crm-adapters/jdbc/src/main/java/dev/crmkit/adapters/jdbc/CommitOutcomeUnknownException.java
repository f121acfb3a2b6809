package dev.crmkit.adapters.jdbc;

import java.sql.SQLException;

/**
 * The commit itself failed, typically because the connection died while the database was committing: the unit of work
 * may have committed or not, and the store cannot tell. Unlike every other {@link JdbcStoreException}, it does not mean
 * "rolled back". Its in-process events were not delivered (the outbox has them if it committed).
 *
 * <p>Running the same work again may do it twice (a second deal, a repeat counted twice). Retry only calls made with
 * an {@link dev.crmkit.core.idempotency.IdempotencyKey} (capture, {@code deals.open}, {@code move}, conversion,
 * assignment, task creation take one), which return the first outcome if the first call did commit; or look in the
 * store whether it did. {@link #isRetryable()} is false.
 */
public class CommitOutcomeUnknownException extends JdbcStoreException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a failed commit. */
    public CommitOutcomeUnknownException(SQLException cause) {
        super("the commit failed, so whether the unit of work committed is unknown; retry it only with the same "
                + "idempotency key, or check what is stored", cause, false);
    }
}
