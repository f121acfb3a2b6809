package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.LeadMergeContract;

/** Merging leads and undoing merges against the in-memory store. */
class InMemoryLeadMergeTest extends LeadMergeContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
