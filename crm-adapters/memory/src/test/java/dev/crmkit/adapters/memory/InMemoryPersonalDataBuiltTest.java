package dev.crmkit.adapters.memory;

import dev.crmkit.kit.CrmkitStore;

/**
 * The in-memory store passes the {@code PersonalDataContract} with its lazy indexes built from the start.
 * Every index built on its first read ({@link Table#lazyGroup}) is built when the store is made
 * ({@link InMemoryCrmStore#withLazyIndexesBuilt}), so the contract's writes go through the paths that keep a built
 * index current; {@link InMemoryPersonalDataTest} covers the first-read build after the writes (review-b M1).
 * Here the dump also walks the lead and contact name-key indexes, which hold a person's name ("zeborah|..."): an
 * erasure that left a name key in a built index fails it.
 */
class InMemoryPersonalDataBuiltTest extends InMemoryPersonalDataTest {

    @Override
    protected CrmkitStore newStore() {
        return InMemoryCrmStore.withLazyIndexesBuilt();
    }
}
