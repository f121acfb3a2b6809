package dev.crmkit.adapters.jdbc;

import javax.sql.DataSource;

/** Contact segments pushed down to H2's SQL agree with the in-memory evaluation. */
class H2ContactSegmentsTest extends ContactSegmentsContract {

    @Override
    protected DataSource emptyDatabase() {
        DataSource ds = TestDatabase.H2.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        return ds;
    }
}
