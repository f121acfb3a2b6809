package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.segment.ContactSegments;
import dev.crmkit.campaigns.segment.ContactSegmentsContract;
import dev.crmkit.campaigns.segment.OrderSource;
import dev.crmkit.core.CrmStore;

import javax.sql.DataSource;
import java.util.Optional;

/** Contact segments pushed down to MARIADB's SQL agree with the in-memory evaluation. */
class MariaDbContactSegmentsTest extends ContactSegmentsContract {

    @Override
    protected CrmStore emptyStore() {
        DataSource ds = TestDatabase.MARIADB.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        return JdbcCrmStore.builder(ds).build();
    }

    @Override
    protected ContactSegments segments(CrmStore store, Optional<OrderSource> orders) {
        return new JdbcContactSegments((JdbcCrmStore) store, orders, 16); // small batches: keyset across them
    }
}
