package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.BulkCaptureContract;
import org.junit.jupiter.api.Nested;

/**
 * Bulk capture ({@link JdbcCaptureBatches}) leaves the JDBC store as capture one by one does, on H2, PostgreSQL and
 * MariaDB: the one-by-one run writes tables of the default prefix, the bulk run those of another prefix on the same
 * database.
 */
class JdbcBulkCaptureTests {

    /** Alternates the two stores of a comparison. */
    private abstract static class OnDatabase extends BulkCaptureContract {
        private int made;

        abstract TestDatabase database();

        @Override
        protected CrmStore newStore() {
            return made++ % 2 == 0 ? database().freshStore() : database().freshStore("bulk_");
        }
    }

    @Nested
    class H2 extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Nested
    class Postgres extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class MariaDb extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }
}
