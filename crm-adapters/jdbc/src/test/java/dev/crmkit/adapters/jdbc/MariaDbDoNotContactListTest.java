package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.audience.DoNotContactListContract;

/** The JDBC do-not-contact list on MARIADB passes the contract suite. */
class MariaDbDoNotContactListTest extends DoNotContactListContract {

    @Override
    protected DoNotContactList store() {
        javax.sql.DataSource ds = TestDatabase.MARIADB.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        return new JdbcDoNotContactList(ds);
    }
}
