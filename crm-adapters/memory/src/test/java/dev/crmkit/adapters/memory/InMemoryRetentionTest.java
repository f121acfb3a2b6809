package dev.crmkit.adapters.memory;

import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.privacy.RetentionContract;

/**
 * The in-memory store passes the {@link RetentionContract}; a second node is the same store (one JVM), the dump a
 * walk of every object it reaches ({@link InMemoryPersonalDataTest#walk}).
 */
class InMemoryRetentionTest extends RetentionContract {

    @Override
    protected CrmkitStore newStore() {
        return InMemoryCrmStore.create();
    }

    @Override
    protected CrmkitStore secondNode(CrmkitStore store) {
        return store;
    }

    @Override
    protected String dump(CrmkitStore store) {
        return InMemoryPersonalDataTest.walk(store);
    }
}
