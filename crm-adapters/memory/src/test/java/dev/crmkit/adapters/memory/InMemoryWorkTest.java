package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.WorkContract;

class InMemoryWorkTest extends WorkContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
