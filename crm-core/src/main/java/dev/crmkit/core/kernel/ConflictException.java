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

    /**
     * Runs a write whose unique keys (an e-mail, a phone) were free when the unit of work read them: a
     * {@link ValidationException} with the rule {@code unique} then means a concurrent unit claimed one since, and is
     * thrown as a conflict naming {@code what}, so the unit runs again; any other refusal is thrown as it is.
     */
    public static <T> T whenKeyTaken(java.util.function.Supplier<T> write, String what) {
        try {
            return write.get();
        } catch (ValidationException e) {
            if (e.violations().stream().anyMatch(v -> v.rule().equals("unique"))) {
                throw new ConflictException("a concurrent unit of work took a key of " + what, e);
            }
            throw e;
        }
    }
}
