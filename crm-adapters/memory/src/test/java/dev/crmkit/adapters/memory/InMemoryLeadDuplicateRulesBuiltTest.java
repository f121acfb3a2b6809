package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;

/**
 * Lead duplicate rules at capture against the in-memory store with its lazy indexes built from the start.
 * Every index built on its first read ({@link Table#lazyGroup}) is built when the store is made
 * ({@link InMemoryCrmStore#withLazyIndexesBuilt}), so the contract's writes go through the paths that keep a built
 * index current; {@link InMemoryLeadDuplicateRulesTest} covers the first-read build after the writes (review-b M1).
 */
class InMemoryLeadDuplicateRulesBuiltTest extends InMemoryLeadDuplicateRulesTest {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.withLazyIndexesBuilt();
    }
}
