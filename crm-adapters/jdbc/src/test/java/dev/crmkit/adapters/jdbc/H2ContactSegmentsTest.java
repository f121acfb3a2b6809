package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.segment.ContactSegments;
import dev.crmkit.campaigns.segment.ContactSegmentsContract;
import dev.crmkit.campaigns.segment.OrderSource;
import dev.crmkit.core.CrmStore;

import javax.sql.DataSource;
import java.util.Optional;

/** Contact segments pushed down to H2's SQL agree with the in-memory evaluation. */
class H2ContactSegmentsTest extends ContactSegmentsContract {

    @Override
    protected CrmStore emptyStore() {
        DataSource ds = TestDatabase.H2.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        return JdbcCrmStore.builder(ds).build();
    }

    @Override
    protected ContactSegments segments(CrmStore store, Optional<OrderSource> orders) {
        return new JdbcContactSegments((JdbcCrmStore) store, orders, 16); // small batches: keyset across them
    }
}
