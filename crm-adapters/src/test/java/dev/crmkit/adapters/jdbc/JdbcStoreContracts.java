package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.ActivitiesContract;
import dev.crmkit.core.contract.CompaniesContract;
import dev.crmkit.core.contract.ContactsContract;
import dev.crmkit.core.contract.CustomFieldSchemasContract;
import dev.crmkit.core.contract.CustomerBaseContract;
import dev.crmkit.core.contract.LeadCaptureContract;
import dev.crmkit.core.contract.LeadsContract;
import dev.crmkit.core.contract.TasksContract;
import dev.crmkit.core.contract.TransactionsContract;
import dev.crmkit.core.contract.WorkContract;
import org.junit.jupiter.api.Nested;

/**
 * The whole contract suite against the JDBC store on one database: each subclass names the database, and JUnit runs
 * the inherited {@code @Nested} contracts for it.
 */
abstract class JdbcStoreContracts {

    /** The database the contracts run against. */
    abstract TestDatabase database();

    private CrmStore store() {
        return database().freshStore();
    }

    @Nested
    class Contacts extends ContactsContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class Companies extends CompaniesContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class Leads extends LeadsContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class Activities extends ActivitiesContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class Tasks extends TasksContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class Schemas extends CustomFieldSchemasContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class Capture extends LeadCaptureContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class Customers extends CustomerBaseContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class Work extends WorkContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }
}
