package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.LeadDuplicateRulesContract;
import org.junit.jupiter.api.Nested;

/** Duplicate rules for leads at capture against the JDBC store on H2, PostgreSQL and MariaDB. */
class JdbcLeadDuplicateRulesTests {

    @Nested
    class H2 extends LeadDuplicateRulesContract {
        @Override
        protected CrmStore newStore() {
            return TestDatabase.H2.freshStore();
        }
    }

    @Nested
    class Postgres extends LeadDuplicateRulesContract {
        @Override
        protected CrmStore newStore() {
            return TestDatabase.POSTGRESQL.freshStore();
        }
    }

    @Nested
    class MariaDb extends LeadDuplicateRulesContract {
        @Override
        protected CrmStore newStore() {
            return TestDatabase.MARIADB.freshStore();
        }
    }
}
