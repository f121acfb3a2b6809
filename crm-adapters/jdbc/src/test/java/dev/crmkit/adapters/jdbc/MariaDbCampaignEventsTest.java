package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.CampaignEventsContract;

/** The JDBC events on MARIADB pass the contract suite, a second node on a pool of its own. */
class MariaDbCampaignEventsTest extends CampaignEventsContract {

    @Override
    protected CampaignEvents store() {
        javax.sql.DataSource ds = TestDatabase.MARIADB.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        return JdbcCrmStore.builder(ds).build().campaignStores().events();
    }

    @Override
    protected CampaignEvents secondNode(CampaignEvents first) {
        return JdbcCrmStore.builder(TestDatabase.MARIADB.sharedSecondNode()).build().campaignStores().events();
    }
}
