package dev.crmkit.adapters.jdbc;

/**
 * The JDBC store on the MariaDB server (skipped when unreachable unless CRM_REQUIRE_DATABASES=true) passes
 * crm-service's contract suite.
 */
class MariaDbServiceStoreTest extends JdbcServiceContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
