package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.MergeContract;

/** Merging contacts and undoing merges against the in-memory store. */
class InMemoryMergeTest extends MergeContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
