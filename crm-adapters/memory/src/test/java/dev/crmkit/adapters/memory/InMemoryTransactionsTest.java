package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.TransactionsContract;

/** The in-memory store passes the {@link TransactionsContract}. */
class InMemoryTransactionsTest extends TransactionsContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
