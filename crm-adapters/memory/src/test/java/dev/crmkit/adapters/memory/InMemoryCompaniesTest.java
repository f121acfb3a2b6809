package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.CompaniesContract;

/** The in-memory store passes the {@link CompaniesContract}. */
class InMemoryCompaniesTest extends CompaniesContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
