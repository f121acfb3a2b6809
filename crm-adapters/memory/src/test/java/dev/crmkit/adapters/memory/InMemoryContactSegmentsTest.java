package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.segment.ContactSegments;
import dev.crmkit.campaigns.segment.ContactSegmentsContract;
import dev.crmkit.campaigns.segment.StoreContactSegments;
import dev.crmkit.core.CrmStore;

/** Contact segments over the in-memory store's ports agree with the facts the contract seeded. */
class InMemoryContactSegmentsTest extends ContactSegmentsContract {

    @Override
    protected CrmStore emptyStore() {
        return InMemoryCrmStore.create();
    }

    @Override
    protected ContactSegments segments(CrmStore store) {
        return new StoreContactSegments(store);
    }
}
