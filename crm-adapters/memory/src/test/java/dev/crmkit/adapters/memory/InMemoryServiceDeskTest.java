package dev.crmkit.adapters.memory;

import dev.crmkit.service.contract.ServiceDeskContract;
import dev.crmkit.service.contract.ServiceStores;

/** The in-memory store passes the {@link ServiceDeskContract}. */
class InMemoryServiceDeskTest extends ServiceDeskContract {

    @Override
    protected ServiceStores newStore() {
        return ServiceStores.of(InMemoryCrmStore.create());
    }
}
