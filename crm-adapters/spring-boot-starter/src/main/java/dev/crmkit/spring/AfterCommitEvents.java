package dev.crmkit.spring;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;

/**
 * The store's publisher, extended to Spring-managed transactions: the JDBC store joined to a host transaction writes
 * each event to its outbox only, so the event is also handed to {@link SpringTransactions}, which delivers it to the
 * subscriber after the host transaction commits, in publication order, and never when the work rolls back. Outside a
 * Spring transaction on the data source the store delivers after its own commit.
 */
final class AfterCommitEvents implements DomainEvents {

    private final DomainEvents store;
    private final DomainEvents subscriber;
    private final SpringTransactions transactions;

    AfterCommitEvents(DomainEvents store, DomainEvents subscriber, SpringTransactions transactions) {
        this.store = store;
        this.subscriber = subscriber;
        this.transactions = transactions;
    }

    @Override
    public void publish(DomainEvent event) {
        store.publish(event);
        transactions.published(subscriber, event);
    }
}
