package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.sequence.Enrollments;
import dev.crmkit.campaigns.sequence.EnrollmentsContract;

/** The in-memory enrollments pass the contract suite. */
class InMemoryEnrollmentsTest extends EnrollmentsContract {

    @Override
    protected Enrollments store() {
        // through the store, as Crmkit.campaigns() gets it
        return InMemoryCrmStore.create().campaignStores().enrollments();
    }
}
