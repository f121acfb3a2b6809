package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.LeadInputContract;

/** Source labels, phone extensions, internationalized domains and external-id conflicts on the in-memory store. */
class InMemoryLeadInputTest extends LeadInputContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
