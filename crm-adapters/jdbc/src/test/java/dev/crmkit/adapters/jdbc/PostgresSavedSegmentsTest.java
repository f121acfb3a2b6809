package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.segment.SavedSegments;
import dev.crmkit.campaigns.segment.SavedSegmentsContract;

/** The JDBC saved segments on POSTGRESQL pass the contract suite, a second node on a pool of its own. */
class PostgresSavedSegmentsTest extends SavedSegmentsContract {

    @Override
    protected SavedSegments store() {
        javax.sql.DataSource ds = TestDatabase.POSTGRESQL.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().segments();
    }

    @Override
    protected SavedSegments secondNode(SavedSegments first) {
        return JdbcCrmStore.builder(TestDatabase.POSTGRESQL.sharedSecondNode()).build().campaignStores().segments();
    }
}
