package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;

/**
 * Merging leads and undoing merges in memory with the lazy indexes built from the start.
 * Every index built on its first read ({@link Table#lazyGroup}) is built when the store is made
 * ({@link InMemoryCrmStore#withLazyIndexesBuilt}), so the contract's writes go through the paths that keep a built
 * index current; {@link InMemoryLeadMergeTest} covers the first-read build after the writes (review-b M1).
 */
class InMemoryLeadMergeBuiltTest extends InMemoryLeadMergeTest {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.withLazyIndexesBuilt();
    }
}
