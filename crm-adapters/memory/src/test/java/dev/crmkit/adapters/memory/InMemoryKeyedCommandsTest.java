package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.pipeline.contract.KeyedCommandsContract;

/** Keyed commands on the in-memory store. */
class InMemoryKeyedCommandsTest extends KeyedCommandsContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
