package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.audience.DoNotContactListContract;

/** The JDBC do-not-contact list on POSTGRESQL passes the contract suite. */
class PostgresDoNotContactListTest extends DoNotContactListContract {

    @Override
    protected DoNotContactList store() {
        javax.sql.DataSource ds = TestDatabase.POSTGRESQL.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        return new JdbcDoNotContactList(ds);
    }
}
