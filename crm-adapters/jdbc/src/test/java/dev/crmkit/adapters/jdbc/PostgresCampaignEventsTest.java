package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.trigger.CampaignEvents;
import dev.crmkit.campaigns.trigger.CampaignEventsContract;

/** The JDBC events on POSTGRESQL pass the contract suite, a second node on a pool of its own. */
class PostgresCampaignEventsTest extends CampaignEventsContract {

    @Override
    protected CampaignEvents store() {
        javax.sql.DataSource ds = TestDatabase.POSTGRESQL.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        return JdbcCrmStore.builder(ds).build().campaignStores().events();
    }

    @Override
    protected CampaignEvents secondNode(CampaignEvents first) {
        return JdbcCrmStore.builder(TestDatabase.POSTGRESQL.sharedSecondNode()).build().campaignStores().events();
    }
}
