package dev.crmkit.adapters.jdbc;

/** The JDBC store on PostgreSQL (embedded, started by the test) passes the whole contract suite. */
class PostgresStoreTest extends JdbcStoreContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
