package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.delivery.CampaignMessagesContract;

/** The JDBC ledger of campaign messages on MARIADB passes the contract suite. */
class MariaDbCampaignMessagesTest extends CampaignMessagesContract {

    @Override
    protected CampaignMessages store() {
        javax.sql.DataSource ds = TestDatabase.MARIADB.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().messages();
    }

    @Override
    protected CampaignMessages secondNode(CampaignMessages first) {
        return JdbcCrmStore.builder(TestDatabase.MARIADB.sharedSecondNode()).build().campaignStores().messages();
    }
}
