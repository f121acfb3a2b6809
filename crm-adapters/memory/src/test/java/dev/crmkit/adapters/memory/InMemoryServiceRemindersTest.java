package dev.crmkit.adapters.memory;

import dev.crmkit.service.contract.ReminderJobContract;
import dev.crmkit.service.contract.ServiceRemindersContract;
import dev.crmkit.service.contract.ServiceStores;
import org.junit.jupiter.api.Nested;

/** The in-memory store passes the {@link ServiceRemindersContract} and the {@link ReminderJobContract}. */
class InMemoryServiceRemindersTest {

    @Nested
    class Marks extends ServiceRemindersContract {
        @Override
        protected ServiceStores newStore() {
            return ServiceStores.of(InMemoryCrmStore.create());
        }
    }

    @Nested
    class Job extends ReminderJobContract {
        @Override
        protected ServiceStores newStore() {
            return ServiceStores.of(InMemoryCrmStore.create());
        }
    }
}
