package dev.crmkit.adapters.memory;

import dev.crmkit.pipeline.contract.StageHistoryContract;
import dev.crmkit.pipeline.contract.Stores;

/** The in-memory store passes the {@link StageHistoryContract}. */
class InMemoryStageHistoryTest extends StageHistoryContract {

    @Override
    protected Stores newStore() {
        return Stores.of(InMemoryCrmStore.create());
    }
}
