package dev.crmkit.adapters.jdbc;

/** A person's export and erasure on the JDBC store on Postgres. */
class PostgresPersonalDataTest extends JdbcPersonalDataContracts {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
