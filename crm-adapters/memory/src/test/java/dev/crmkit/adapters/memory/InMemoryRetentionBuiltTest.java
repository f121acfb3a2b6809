package dev.crmkit.adapters.memory;

import dev.crmkit.kit.CrmkitStore;

/**
 * The in-memory store passes the {@code RetentionContract} with its lazy indexes built from the start.
 * Every index built on its first read ({@link Table#lazyGroup}) is built when the store is made
 * ({@link InMemoryCrmStore#withLazyIndexesBuilt}), so the contract's writes go through the paths that keep a built
 * index current; {@link InMemoryRetentionTest} covers the first-read build after the writes (review-b M1).
 */
class InMemoryRetentionBuiltTest extends InMemoryRetentionTest {

    @Override
    protected CrmkitStore newStore() {
        return InMemoryCrmStore.withLazyIndexesBuilt();
    }
}
