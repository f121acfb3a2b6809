package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.LeadCaptureContract;

/** Lead capture against the in-memory store. */
class InMemoryLeadCaptureTest extends LeadCaptureContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
