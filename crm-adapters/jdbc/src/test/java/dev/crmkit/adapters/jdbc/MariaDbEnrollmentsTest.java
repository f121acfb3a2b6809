package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.sequence.Enrollments;
import dev.crmkit.campaigns.sequence.EnrollmentsContract;

/** The JDBC enrollments on MARIADB pass the contract suite, a second node on a pool of its own. */
class MariaDbEnrollmentsTest extends EnrollmentsContract {

    @Override
    protected Enrollments store() {
        javax.sql.DataSource ds = TestDatabase.MARIADB.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().enrollments();
    }

    @Override
    protected Enrollments secondNode(Enrollments first) {
        return JdbcCrmStore.builder(TestDatabase.MARIADB.sharedSecondNode()).build().campaignStores().enrollments();
    }
}
