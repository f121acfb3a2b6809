package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.sequence.Enrollments;
import dev.crmkit.campaigns.sequence.EnrollmentsContract;

/** The JDBC enrollments on H2 pass the contract suite, a second node on a pool of its own. */
class H2EnrollmentsTest extends EnrollmentsContract {

    @Override
    protected Enrollments store() {
        javax.sql.DataSource ds = TestDatabase.H2.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().enrollments();
    }

    @Override
    protected Enrollments secondNode(Enrollments first) {
        return JdbcCrmStore.builder(TestDatabase.H2.sharedSecondNode()).build().campaignStores().enrollments();
    }
}
