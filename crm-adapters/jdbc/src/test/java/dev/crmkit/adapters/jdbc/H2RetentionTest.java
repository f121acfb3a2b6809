package dev.crmkit.adapters.jdbc;

/** The retention job on the JDBC store on H2, two nodes included. */
class H2RetentionTest extends JdbcRetentionContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
