package dev.crmkit.adapters.jdbc;

/**
 * How a store that joins the host's transactions learns of the host's commit: it hands over the delivery of a unit's
 * domain events, to be run once the host's current transaction has committed, and never if it rolls back. With
 * Spring:
 * <pre>{@code
 * HostCommit spring = delivery -> TransactionSynchronizationManager.registerSynchronization(
 *         new TransactionSynchronization() {
 *             public void afterCommit() { delivery.run(); }
 *         });
 * }</pre>
 * A Jakarta EE host registers a {@code Synchronization} with its {@code TransactionSynchronizationRegistry} and runs
 * the delivery in {@code afterCompletion} when the status is committed.
 */
@FunctionalInterface
public interface HostCommit {

    /**
     * Arranges for {@code delivery} to run after the calling thread's host transaction commits, and never if it rolls
     * back. Called on the thread of the host transaction, inside it.
     */
    void afterCommit(Runnable delivery);
}
