package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.IdempotencyKeysContract;

/** The in-memory store passes the {@link IdempotencyKeysContract}. */
class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
