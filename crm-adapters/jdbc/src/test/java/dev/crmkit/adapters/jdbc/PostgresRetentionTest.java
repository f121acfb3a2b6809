package dev.crmkit.adapters.jdbc;

/** The retention job on the JDBC store on Postgres, two nodes included. */
class PostgresRetentionTest extends JdbcRetentionContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
