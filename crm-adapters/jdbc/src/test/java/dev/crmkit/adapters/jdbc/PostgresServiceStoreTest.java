package dev.crmkit.adapters.jdbc;

/** The JDBC store on PostgreSQL (embedded, started by the test) passes crm-service's contract suite. */
class PostgresServiceStoreTest extends JdbcServiceContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
