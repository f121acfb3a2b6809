package dev.crmkit.core.kernel;

import java.util.function.Supplier;

/**
 * The port that runs a unit of work atomically: all its writes land, or none do. A call made while a unit of work is
 * already running on the same thread joins it.
 */
public interface Transactions {

    /**
     * Runs the work in one unit of work and returns its result. If the work throws, every write it made is undone
     * and the exception propagates.
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
