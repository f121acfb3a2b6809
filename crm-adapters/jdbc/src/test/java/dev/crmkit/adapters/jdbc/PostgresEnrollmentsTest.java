package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.sequence.Enrollments;
import dev.crmkit.campaigns.sequence.EnrollmentsContract;

/** The JDBC enrollments on POSTGRESQL pass the contract suite, a second node on a pool of its own. */
class PostgresEnrollmentsTest extends EnrollmentsContract {

    @Override
    protected Enrollments store() {
        javax.sql.DataSource ds = TestDatabase.POSTGRESQL.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().enrollments();
    }

    @Override
    protected Enrollments secondNode(Enrollments first) {
        return JdbcCrmStore.builder(TestDatabase.POSTGRESQL.sharedSecondNode()).build().campaignStores().enrollments();
    }
}
