package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;

/**
 * The in-memory store passes the {@code TasksContract} with its lazy indexes built from the start.
 * Every index built on its first read ({@link Table#lazyGroup}) is built when the store is made
 * ({@link InMemoryCrmStore#withLazyIndexesBuilt}), so the contract's writes go through the paths that keep a built
 * index current; {@link InMemoryTasksTest} covers the first-read build after the writes (review-b M1).
 */
class InMemoryTasksBuiltTest extends InMemoryTasksTest {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.withLazyIndexesBuilt();
    }
}
