package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.ActivitiesContract;

/** The in-memory store passes the {@link ActivitiesContract}. */
class InMemoryActivitiesTest extends ActivitiesContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
