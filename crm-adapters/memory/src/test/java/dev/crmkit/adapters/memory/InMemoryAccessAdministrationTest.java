package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.AccessAdministrationContract;

/** The in-memory store passes the {@link AccessAdministrationContract}. */
class InMemoryAccessAdministrationTest extends AccessAdministrationContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
