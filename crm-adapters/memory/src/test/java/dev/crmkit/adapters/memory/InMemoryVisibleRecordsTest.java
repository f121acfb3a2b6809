package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.VisibleRecordsContract;

/** The in-memory store passes the {@link VisibleRecordsContract}: access enforced on every read path. */
class InMemoryVisibleRecordsTest extends VisibleRecordsContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
