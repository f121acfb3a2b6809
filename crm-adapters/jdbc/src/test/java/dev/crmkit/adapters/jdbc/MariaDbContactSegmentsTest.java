package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.segment.ContactSegments;
import dev.crmkit.campaigns.segment.ContactSegmentsContract;
import dev.crmkit.core.CrmStore;

import javax.sql.DataSource;

/** Contact segments pushed down to MARIADB's SQL agree with the in-memory evaluation. */
class MariaDbContactSegmentsTest extends ContactSegmentsContract {

    @Override
    protected CrmStore emptyStore() {
        DataSource ds = TestDatabase.MARIADB.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        return JdbcCrmStore.builder(ds).build();
    }

    @Override
    protected ContactSegments segments(CrmStore store) {
        return new JdbcContactSegments((JdbcCrmStore) store);
    }
}
