package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.campaigns.delivery.SequenceRunnerContract;

/**
 * The sequence runner over the JDBC stores on MARIADB passes the contract suite, its second node on a pool
 * of its own.
 */
class MariaDbSequenceRunnerTest extends SequenceRunnerContract {

    @Override
    protected CampaignStores stores() {
        javax.sql.DataSource ds = TestDatabase.MARIADB.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        return JdbcCrmStore.builder(ds).build().campaignStores();
    }

    @Override
    protected CampaignStores secondNode(CampaignStores first) {
        return JdbcCrmStore.builder(TestDatabase.MARIADB.sharedSecondNode()).build().campaignStores();
    }
}
