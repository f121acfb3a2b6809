package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.delivery.CampaignMessagesContract;

/** The JDBC ledger of campaign messages on H2 passes the contract suite. */
class H2CampaignMessagesTest extends CampaignMessagesContract {

    @Override
    protected CampaignMessages store() {
        javax.sql.DataSource ds = TestDatabase.H2.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().messages();
    }

    @Override
    protected CampaignMessages secondNode(CampaignMessages first) {
        return JdbcCrmStore.builder(TestDatabase.H2.sharedSecondNode()).build().campaignStores().messages();
    }
}
