package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.segment.ContactSegments;
import dev.crmkit.campaigns.segment.ContactSegmentsContract;
import dev.crmkit.campaigns.segment.OrderSource;
import dev.crmkit.campaigns.segment.StoreContactSegments;
import dev.crmkit.core.CrmStore;

import java.util.Optional;

/** Contact segments over the in-memory store's ports agree with the facts the contract seeded. */
class InMemoryContactSegmentsTest extends ContactSegmentsContract {

    @Override
    protected CrmStore emptyStore() {
        return InMemoryCrmStore.create();
    }

    @Override
    protected ContactSegments segments(CrmStore store, Optional<OrderSource> orders) {
        return orders.map(o -> new StoreContactSegments(store, o)).orElseGet(() -> new StoreContactSegments(store));
    }
}
