package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.segment.SavedSegments;
import dev.crmkit.campaigns.segment.SavedSegmentsContract;

/** The JDBC saved segments on H2 pass the contract suite, a second node on a pool of its own. */
class H2SavedSegmentsTest extends SavedSegmentsContract {

    @Override
    protected SavedSegments store() {
        javax.sql.DataSource ds = TestDatabase.H2.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().segments();
    }

    @Override
    protected SavedSegments secondNode(SavedSegments first) {
        return JdbcCrmStore.builder(TestDatabase.H2.sharedSecondNode()).build().campaignStores().segments();
    }
}
