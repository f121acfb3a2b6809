package dev.crmkit.spring;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.Transactions;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The JDBC store's units of work, told apart by whether they join a Spring-managed transaction on the data source.
 * A unit that joins one keeps the domain events it publishes and, when it completes normally, hands them to a
 * transaction synchronization that delivers them after the host transaction commits; a unit that fails (and is
 * rolled back to its savepoint) drops them, and so does a host transaction that rolls back. A unit that runs on its
 * own is left to the store, which delivers after its own commit.
 */
final class SpringTransactions implements Transactions {

    private final Transactions store;
    private final DataSource dataSource;
    private final ThreadLocal<List<Delivery>> joined = new ThreadLocal<>();

    SpringTransactions(Transactions store, DataSource dataSource) {
        this.store = store;
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (joined.get() != null || !inHostTransaction()) {
            return store.inTransaction(work);
        }
        List<Delivery> deliveries = new ArrayList<>();
        joined.set(deliveries);
        try {
            T result = store.inTransaction(work);
            afterHostCommit(deliveries);
            return result;
        } finally {
            joined.remove();
        }
    }

    @Override
    public boolean inUnitOfWork() {
        return store.inUnitOfWork();
    }

    /**
     * Takes an event the store has just written to its outbox: kept for the host's commit when it belongs to a unit
     * that joined a Spring transaction (or is published straight inside one); otherwise the store delivers it.
     */
    void published(DomainEvents subscriber, DomainEvent event) {
        List<Delivery> deliveries = joined.get();
        if (deliveries != null) {
            deliveries.add(new Delivery(subscriber, event));
        } else if (!store.inUnitOfWork() && inHostTransaction()) {
            afterHostCommit(List.of(new Delivery(subscriber, event)));
        }
    }

    private static void afterHostCommit(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        List<Delivery> copy = List.copyOf(deliveries);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                copy.forEach(d -> d.subscriber().publish(d.event()));
            }
        });
    }

    /**
     * Whether a Spring transaction holds a connection of the data source in a transaction (auto-commit off): then
     * the store's units join it. The same test the store makes; a Spring transaction of another data source or
     * transaction manager leaves the store to commit on its own.
     */
    private boolean inHostTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)
                || holder.getConnectionHandle() == null) {
            return false;
        }
        try {
            return !holder.getConnection().getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the transaction's connection: " + e.getMessage(), e);
        }
    }

    private record Delivery(DomainEvents subscriber, DomainEvent event) {
    }
}
