package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.delivery.CampaignMessagesContract;

/** The in-memory ledger of campaign messages passes the contract suite. */
class InMemoryCampaignMessagesTest extends CampaignMessagesContract {

    @Override
    protected CampaignMessages store() {
        return new InMemoryCampaignMessages();
    }
}
