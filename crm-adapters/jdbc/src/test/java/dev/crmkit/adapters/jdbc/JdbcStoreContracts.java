package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.assignment.AssignmentState;
import dev.crmkit.core.contract.AssignmentStateContract;
import dev.crmkit.core.contract.ActivitiesContract;
import dev.crmkit.core.contract.AccessAdministrationContract;
import dev.crmkit.core.contract.AuditedChangesContract;
import dev.crmkit.core.contract.AuditTrailContract;
import dev.crmkit.core.contract.AccessDirectoryContract;
import dev.crmkit.core.contract.CompaniesContract;
import dev.crmkit.core.contract.ContactsContract;
import dev.crmkit.core.contract.CustomFieldSchemasContract;
import dev.crmkit.core.contract.CustomerBaseContract;
import dev.crmkit.core.contract.IdempotencyKeysContract;
import dev.crmkit.core.contract.LeadCaptureContract;
import dev.crmkit.core.contract.LeadInputContract;
import dev.crmkit.core.contract.LeadScoresContract;
import dev.crmkit.core.contract.LeadsContract;
import dev.crmkit.core.contract.ProbabilityOverridesContract;
import dev.crmkit.core.contract.TasksContract;
import dev.crmkit.core.contract.TransactionsContract;
import dev.crmkit.core.contract.VisibleRecordsContract;
import dev.crmkit.core.contract.WorkContract;
import dev.crmkit.core.scoring.LeadScores;
import dev.crmkit.core.scoring.ProbabilityOverrides;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.archive.ArchivesContract;
import dev.crmkit.kit.migration.ExternalIdsContract;
import dev.crmkit.pipeline.contract.DealPipelineContract;
import dev.crmkit.pipeline.contract.DealsContract;
import dev.crmkit.pipeline.contract.PipelinesContract;
import dev.crmkit.pipeline.contract.StageHistoryContract;
import dev.crmkit.pipeline.contract.Stores;
import org.junit.jupiter.api.Nested;

/**
 * The whole contract suite against the JDBC store on one database: each subclass names the database, and JUnit runs
 * the inherited {@code @Nested} contracts for it, crm-core's and crm-pipeline's.
 */
abstract class JdbcStoreContracts {

    /** The database the contracts run against. */
    abstract TestDatabase database();

    private CrmStore store() {
        return database().freshStore();
    }

    private Stores stores() {
        return Stores.of(database().freshStore());
    }

    @Nested
    class Archives extends ArchivesContract {
        @Override
        protected CrmkitStore newStore() {
            return database().freshStore();
        }
    }

    @Nested
    class ExternalIdLinks extends ExternalIdsContract {
        @Override
        protected CrmkitStore newStore() {
            return database().freshStore();
        }
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
    class Input extends LeadInputContract {
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

    @Nested
    class CompanyMerges extends dev.crmkit.core.contract.CompanyMergeContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class LeadMerges extends dev.crmkit.core.contract.LeadMergeContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }

        @Override
        protected int examples() {
            return 8; // each example empties every table of a real database
        }
    }

    @Nested
    class Merges extends dev.crmkit.core.contract.MergeContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }

        @Override
        protected int examples() {
            return 10; // each example empties every table of a real database
        }
    }

    @Nested
    class Pipelines extends PipelinesContract {
        @Override
        protected Stores newStore() {
            return stores();
        }
    }

    @Nested
    class Deals extends DealsContract {
        @Override
        protected Stores newStore() {
            return stores();
        }
    }

    @Nested
    class History extends StageHistoryContract {
        @Override
        protected Stores newStore() {
            return stores();
        }
    }

    @Nested
    class DealMoves extends DealPipelineContract {
        @Override
        protected Stores newStore() {
            return stores();
        }
    }

    @Nested
    class Scores extends LeadScoresContract {
        @Override
        protected LeadScores newScores() {
            return store().leadScores();
        }
    }

    @Nested
    class Keys extends IdempotencyKeysContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class Overrides extends ProbabilityOverridesContract {
        @Override
        protected ProbabilityOverrides newOverrides() {
            return store().probabilityOverrides();
        }
    }

    @Nested
    class Assignment extends AssignmentStateContract {
        @Override
        protected AssignmentState newState() {
            return store().assignmentState();
        }
    }

    @Nested
    class AccessDirectoryStore extends AccessDirectoryContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class VisibleRecordsStore extends VisibleRecordsContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }

        /** One population per database (plus seed 5's in the tests of changes): a fresh schema is the cost. */
        @Override
        protected long[] seeds() {
            return new long[] {1};
        }
    }

    @Nested
    class AuditTrailStore extends AuditTrailContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class AuditedChangess extends AuditedChangesContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }

    @Nested
    class AccessAdministrationStore extends AccessAdministrationContract {
        @Override
        protected CrmStore newStore() {
            return store();
        }
    }
}
