package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.BulkCaptureContract;

/** Bulk capture into the in-memory store leaves it as capture one by one does. */
class InMemoryBulkCaptureTest extends BulkCaptureContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
