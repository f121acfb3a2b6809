package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.TasksContract;

/** The in-memory store passes the {@link TasksContract}. */
class InMemoryTasksTest extends TasksContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
