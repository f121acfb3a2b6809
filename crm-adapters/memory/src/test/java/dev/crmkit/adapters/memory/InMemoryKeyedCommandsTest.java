package dev.crmkit.adapters.memory;

import dev.crmkit.adapters.KeyedCommandsScenario;
import dev.crmkit.core.CrmStore;

/** Keyed commands on the in-memory store. */
class InMemoryKeyedCommandsTest extends KeyedCommandsScenario {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
