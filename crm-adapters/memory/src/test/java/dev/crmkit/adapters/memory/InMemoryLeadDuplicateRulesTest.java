package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.LeadDuplicateRulesContract;

/** Duplicate rules for leads at capture against the in-memory store. */
class InMemoryLeadDuplicateRulesTest extends LeadDuplicateRulesContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
