package dev.crmkit.adapters.jdbc;

/** The JDBC store on H2 (in memory) passes crm-service's contract suite. */
class H2ServiceStoreTest extends JdbcServiceContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
