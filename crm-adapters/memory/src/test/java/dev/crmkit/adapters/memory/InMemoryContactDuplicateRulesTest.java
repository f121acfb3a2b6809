package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.ContactDuplicateRulesContract;

/** Duplicate rules on contacts by hand against the in-memory store. */
class InMemoryContactDuplicateRulesTest extends ContactDuplicateRulesContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
