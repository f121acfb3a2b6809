package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.audience.DoNotContactListContract;

/** The JDBC do-not-contact list on POSTGRESQL passes the contract suite, taken from JdbcCrmStore.campaignStores(). */
class PostgresDoNotContactListTest extends DoNotContactListContract {

    @Override
    protected DoNotContactList store() {
        javax.sql.DataSource ds = TestDatabase.POSTGRESQL.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().doNotContact();
    }
}
