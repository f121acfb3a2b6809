package dev.crmkit.spring;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;

/**
 * The store's publisher, extended to Spring-managed transactions: the JDBC store joined to a host transaction writes
 * each event to its outbox only, so this hands the event to the subscriber from a transaction synchronization after
 * the host transaction commits, in publication order, and never when it rolls back. Outside a Spring transaction on
 * the data source the store delivers after its own commit.
 */
final class AfterCommitEvents implements DomainEvents {

    private final DomainEvents store;
    private final DomainEvents subscriber;
    private final DataSource dataSource;

    AfterCommitEvents(DomainEvents store, DomainEvents subscriber, DataSource dataSource) {
        this.store = store;
        this.subscriber = subscriber;
        this.dataSource = dataSource;
    }

    @Override
    public void publish(DomainEvent event) {
        store.publish(event);
        if (inHostTransaction()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    subscriber.publish(event);
                }
            });
        }
    }

    private boolean inHostTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.getResource(dataSource) != null;
    }
}
