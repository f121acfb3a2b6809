package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.CustomerBaseContract;

/** The customer base against the in-memory store. */
class InMemoryCustomerBaseTest extends CustomerBaseContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
