package dev.crmkit.adapters.jdbc;

/** The retention job on the JDBC store on MariaDb, two nodes included. */
class MariaDbRetentionTest extends JdbcRetentionContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
