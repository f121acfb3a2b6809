package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.LeadsContract;

/** The in-memory store passes the {@link LeadsContract}. */
class InMemoryLeadsTest extends LeadsContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
