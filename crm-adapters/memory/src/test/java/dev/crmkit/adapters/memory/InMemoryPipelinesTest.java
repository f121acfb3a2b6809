package dev.crmkit.adapters.memory;

import dev.crmkit.pipeline.contract.PipelinesContract;
import dev.crmkit.pipeline.contract.Stores;

/** The in-memory store passes the {@link PipelinesContract}. */
class InMemoryPipelinesTest extends PipelinesContract {

    @Override
    protected Stores newStore() {
        return Stores.of(InMemoryCrmStore.create());
    }
}
