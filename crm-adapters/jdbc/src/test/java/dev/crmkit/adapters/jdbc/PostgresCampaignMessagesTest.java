package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.delivery.CampaignMessagesContract;

/** The JDBC ledger of campaign messages on POSTGRESQL passes the contract suite. */
class PostgresCampaignMessagesTest extends CampaignMessagesContract {

    @Override
    protected CampaignMessages store() {
        javax.sql.DataSource ds = TestDatabase.POSTGRESQL.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().messages();
    }

    @Override
    protected CampaignMessages secondNode(CampaignMessages first) {
        return JdbcCrmStore.builder(TestDatabase.POSTGRESQL.sharedSecondNode()).build().campaignStores().messages();
    }
}
