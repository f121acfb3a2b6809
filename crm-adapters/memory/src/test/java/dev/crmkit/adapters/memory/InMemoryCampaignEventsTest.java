package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.CampaignEventsContract;

/** The in-memory events pass the contract suite. */
class InMemoryCampaignEventsTest extends CampaignEventsContract {

    @Override
    protected CampaignEvents store() {
        // through the store, as Crmkit.campaigns() gets it
        return InMemoryCrmStore.create().campaignStores().events();
    }
}
