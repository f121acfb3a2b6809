package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.segment.SavedSegments;
import dev.crmkit.campaigns.segment.SavedSegmentsContract;

/** The in-memory saved segments pass the contract suite, taken from InMemoryCrmStore.campaignStores(). */
class InMemorySavedSegmentsTest extends SavedSegmentsContract {

    @Override
    protected SavedSegments store() {
        return InMemoryCrmStore.create().campaignStores().segments();
    }
}
