package dev.crmkit.adapters.jdbc;

/** The JDBC store on H2 (in memory) passes the whole contract suite. */
class H2StoreTest extends JdbcStoreContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
