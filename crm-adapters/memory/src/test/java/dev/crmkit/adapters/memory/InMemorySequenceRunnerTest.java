package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.campaigns.delivery.SequenceRunnerContract;

/** The sequence runner over the in-memory stores passes the contract suite; its two nodes are threads. */
class InMemorySequenceRunnerTest extends SequenceRunnerContract {

    @Override
    protected CampaignStores stores() {
        return InMemoryCrmStore.create().campaignStores();
    }
}
