package dev.crmkit.adapters.memory;

import dev.crmkit.pipeline.contract.Stores;
import dev.crmkit.pipeline.contract.VisibleDealsContract;

/** The in-memory store passes the {@link VisibleDealsContract}: access enforced on every deal read path and on moves. */
class InMemoryVisibleDealsTest extends VisibleDealsContract {

    @Override
    protected Stores newStore() {
        return Stores.of(InMemoryCrmStore.create());
    }
}
