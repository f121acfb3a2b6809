package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.ContactDuplicateRulesContract;
import org.junit.jupiter.api.Nested;

/** Duplicate rules on contacts created and edited by hand against the JDBC store on H2, PostgreSQL and MariaDB. */
class JdbcContactDuplicateRulesTests {

    @Nested
    class H2 extends ContactDuplicateRulesContract {
        @Override
        protected CrmStore newStore() {
            return TestDatabase.H2.freshStore();
        }
    }

    @Nested
    class Postgres extends ContactDuplicateRulesContract {
        @Override
        protected CrmStore newStore() {
            return TestDatabase.POSTGRESQL.freshStore();
        }
    }

    @Nested
    class MariaDb extends ContactDuplicateRulesContract {
        @Override
        protected CrmStore newStore() {
            return TestDatabase.MARIADB.freshStore();
        }
    }
}
