package dev.crmkit.core.kernel;

import java.util.function.Supplier;

/**
 * The port that runs a unit of work atomically: all its writes land, or none do.
 *
 * <p>A call made while a unit of work is already running on the same thread joins it rather than starting its own:
 * only an exception that leaves the outermost call rolls back, and then it undoes every write of the unit, including
 * those of nested calls that returned normally. An exception caught inside the unit does not roll anything back.
 */
public interface Transactions {

    /**
     * Runs the work in one unit of work (or in the running one) and returns its result. If the work throws out of
     * the outermost call, every write of the unit is undone and the exception propagates.
     */
    <T> T inTransaction(Supplier<T> work);

    /** Whether the calling thread is inside a unit of work, so a call to {@link #inTransaction} would join it. */
    boolean inUnitOfWork();

    /**
     * Whether events published inside a unit of work reach the in-process subscriber once the work is committed.
     * True for every store that commits its own units. A store that joins the host application's transactions
     * answers true only when it has a way to learn of the host's commit; otherwise the host commits after crmkit's
     * unit has ended, and events can reach handlers only through an outbox, so {@code Crm.builder()} refuses an
     * in-process subscriber for it instead of dropping events silently.
     */
    default boolean deliversEvents() {
        return true;
    }

    /**
     * Runs the work like {@link #inTransaction}; when it is the outermost unit and fails with a
     * {@link ConflictException} (a stale version, a deadlock victim), the unit is rolled back and the work runs again
     * after a short random pause (jitter, growing with each attempt), up to {@code attempts} times in all, after which
     * the last conflict propagates. Joined by a running unit, it runs
     * once: only the outermost unit can start over. The work must re-read what it changes, as every crmkit use case
     * does, and must not have effects outside the store that it cannot repeat.
     *
     * @param attempts how many times to run it at most, at least 1
     */
    default <T> T inTransactionRetrying(int attempts, Supplier<T> work) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        if (inUnitOfWork()) {
            return inTransaction(work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (ConflictException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                if (!backOff(attempt)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Waits a random time before attempt {@code attempt + 1}: up to 2<sup>attempt</sup> ms, at most 100 ms, so units
     * that collided do not run again in step and collide again. False if the thread was interrupted meanwhile.
     */
    private static boolean backOff(int attempt) {
        long bound = Math.min(100, 1L << Math.min(attempt, 7));
        try {
            Thread.sleep(1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs work that returns nothing in one unit of work. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
