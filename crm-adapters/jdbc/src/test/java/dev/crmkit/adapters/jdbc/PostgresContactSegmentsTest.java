package dev.crmkit.adapters.jdbc;

import javax.sql.DataSource;

/** Contact segments pushed down to POSTGRESQL's SQL agree with the in-memory evaluation. */
class PostgresContactSegmentsTest extends ContactSegmentsContract {

    @Override
    protected DataSource emptyDatabase() {
        DataSource ds = TestDatabase.POSTGRESQL.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        return ds;
    }
}
