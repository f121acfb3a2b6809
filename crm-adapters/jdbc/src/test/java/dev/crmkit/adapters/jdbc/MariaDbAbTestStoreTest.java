package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.abtest.AbTestStoreContract;
import dev.crmkit.campaigns.delivery.CampaignStores;

/** The JDBC A/B test store on MARIADB passes the contract suite, a second node on a pool of its own. */
class MariaDbAbTestStoreTest extends AbTestStoreContract {

    @Override
    protected CampaignStores stores() {
        javax.sql.DataSource ds = TestDatabase.MARIADB.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores();
    }

    @Override
    protected CampaignStores secondNode(CampaignStores first) {
        return JdbcCrmStore.builder(TestDatabase.MARIADB.sharedSecondNode()).build().campaignStores();
    }
}
