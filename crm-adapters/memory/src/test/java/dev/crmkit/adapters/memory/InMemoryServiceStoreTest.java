package dev.crmkit.adapters.memory;

import dev.crmkit.service.contract.ServiceStoreContract;
import dev.crmkit.service.contract.ServiceStores;

/** The in-memory store passes the {@link ServiceStoreContract}. */
class InMemoryServiceStoreTest extends ServiceStoreContract {

    @Override
    protected ServiceStores newStore() {
        return ServiceStores.of(InMemoryCrmStore.create());
    }
}
