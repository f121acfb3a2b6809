package dev.crmkit.adapters.memory;

import dev.crmkit.pipeline.contract.DealPipelineContract;
import dev.crmkit.pipeline.contract.Stores;

/** The in-memory store passes the {@link DealPipelineContract}. */
class InMemoryDealPipelineTest extends DealPipelineContract {

    @Override
    protected Stores newStore() {
        return Stores.of(InMemoryCrmStore.create());
    }
}
