package dev.crmkit.adapters.jdbc;

import javax.sql.DataSource;

/** Contact segments pushed down to MARIADB's SQL agree with the in-memory evaluation. */
class MariaDbContactSegmentsTest extends ContactSegmentsContract {

    @Override
    protected DataSource emptyDatabase() {
        DataSource ds = TestDatabase.MARIADB.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        return ds;
    }
}
