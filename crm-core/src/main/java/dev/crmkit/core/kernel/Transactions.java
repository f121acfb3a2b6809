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

    /** Runs work that returns nothing in one unit of work. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
