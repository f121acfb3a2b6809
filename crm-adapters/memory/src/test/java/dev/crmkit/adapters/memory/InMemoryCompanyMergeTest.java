package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.CompanyMergeContract;

/** Merging companies and undoing merges against the in-memory store. */
class InMemoryCompanyMergeTest extends CompanyMergeContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
