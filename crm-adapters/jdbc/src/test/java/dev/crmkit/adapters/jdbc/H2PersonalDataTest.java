package dev.crmkit.adapters.jdbc;

/** A person's export and erasure on the JDBC store on H2. */
class H2PersonalDataTest extends JdbcPersonalDataContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
