package dev.crmkit.adapters.jdbc;

import dev.crmkit.service.contract.ReminderJobContract;
import dev.crmkit.service.contract.ServiceDeskContract;
import dev.crmkit.service.contract.ServiceRemindersContract;
import dev.crmkit.service.contract.ServiceStoreContract;
import dev.crmkit.service.contract.ServiceStores;
import org.junit.jupiter.api.Nested;

/**
 * crm-service's contract suite against the JDBC store on one database: each subclass names the database, and JUnit
 * runs the inherited {@code @Nested} contracts for it.
 */
abstract class JdbcServiceContracts {

    /** The database the contracts run against. */
    abstract TestDatabase database();

    private ServiceStores stores() {
        return ServiceStores.of(database().freshStore());
    }

    @Nested
    class Store extends ServiceStoreContract {
        @Override
        protected ServiceStores newStore() {
            return stores();
        }
    }

    @Nested
    class Desk extends ServiceDeskContract {
        @Override
        protected ServiceStores newStore() {
            return stores();
        }
    }

    @Nested
    class Reminders extends ServiceRemindersContract {
        @Override
        protected ServiceStores newStore() {
            return stores();
        }
    }

    @Nested
    class ReminderJob extends ReminderJobContract {
        @Override
        protected ServiceStores newStore() {
            return stores();
        }
    }
}
