package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.AccessDirectoryContract;

/** The in-memory store passes the {@link AccessDirectoryContract}. */
class InMemoryAccessDirectoryTest extends AccessDirectoryContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
