package dev.crmkit.core.kernel;

/**
 * A concurrent unit of work got in the way of this one, and the store refused or rolled back this one's writes
 * rather than lose either: a write based on a stale version ({@link StaleVersionException}), or a unit the database
 * chose as the victim of a deadlock or serialization failure. Nothing of the refused work was stored. Re-reading and
 * running the work again is the remedy; {@link Transactions#inTransactionRetrying} does that for a whole unit.
 */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
