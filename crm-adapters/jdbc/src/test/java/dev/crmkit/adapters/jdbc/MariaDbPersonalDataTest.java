package dev.crmkit.adapters.jdbc;

/** A person's export and erasure on the JDBC store on MariaDb. */
class MariaDbPersonalDataTest extends JdbcPersonalDataContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
