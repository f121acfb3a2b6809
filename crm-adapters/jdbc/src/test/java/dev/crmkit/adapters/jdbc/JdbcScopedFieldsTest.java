package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.ScopedFieldsContract;
import org.junit.jupiter.api.Nested;

/**
 * The JDBC store passes the {@link ScopedFieldsContract} on every database: hidden fields left out of what a view
 * returns, read-only ones refused when a change through the view alters them. One population per database: a fresh
 * schema is the cost.
 */
class JdbcScopedFieldsTest {

    @Nested
    class OnH2 extends ScopedFieldsContract {
        @Override
        protected CrmStore newStore() {
            return TestDatabase.H2.freshStore();
        }

        @Override
        protected long[] seeds() {
            return new long[] {11};
        }
    }

    @Nested
    class OnPostgres extends ScopedFieldsContract {
        @Override
        protected CrmStore newStore() {
            return TestDatabase.POSTGRESQL.freshStore();
        }

        @Override
        protected long[] seeds() {
            return new long[] {11};
        }
    }

    @Nested
    class OnMariaDb extends ScopedFieldsContract {
        @Override
        protected CrmStore newStore() {
            return TestDatabase.MARIADB.freshStore();
        }

        @Override
        protected long[] seeds() {
            return new long[] {11};
        }
    }
}
