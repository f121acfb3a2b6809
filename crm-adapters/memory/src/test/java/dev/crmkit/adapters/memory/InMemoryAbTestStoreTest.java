package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.abtest.AbTestStoreContract;
import dev.crmkit.campaigns.delivery.CampaignStores;

/** The in-memory A/B test store passes the contract suite, taken from InMemoryCrmStore.campaignStores(). */
class InMemoryAbTestStoreTest extends AbTestStoreContract {

    @Override
    protected CampaignStores stores() {
        return InMemoryCrmStore.create().campaignStores();
    }
}
