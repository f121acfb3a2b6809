package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.audience.DoNotContactListContract;

/** The JDBC do-not-contact list on MARIADB passes the contract suite, taken from JdbcCrmStore.campaignStores(). */
class MariaDbDoNotContactListTest extends DoNotContactListContract {

    @Override
    protected DoNotContactList store() {
        javax.sql.DataSource ds = TestDatabase.MARIADB.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().doNotContact();
    }
}
