package dev.crmkit.adapters.memory;

import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.migration.ExternalIdsContract;

/** The in-memory store passes the {@link ExternalIdsContract}. */
class InMemoryExternalIdsTest extends ExternalIdsContract {

    @Override
    protected CrmkitStore newStore() {
        return InMemoryCrmStore.create();
    }
}
