package dev.crmkit.adapters.memory;

import dev.crmkit.pipeline.contract.DealsContract;
import dev.crmkit.pipeline.contract.Stores;

/** The in-memory store passes the {@link DealsContract}. */
class InMemoryDealsTest extends DealsContract {

    @Override
    protected Stores newStore() {
        return Stores.of(InMemoryCrmStore.create());
    }
}
