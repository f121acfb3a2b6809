package dev.crmkit.adapters.jdbc;

/** The JDBC store on the MariaDB server (skipped when unreachable unless CRM_REQUIRE_DATABASES=true) passes the whole contract suite. */
class MariaDbStoreTest extends JdbcStoreContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
