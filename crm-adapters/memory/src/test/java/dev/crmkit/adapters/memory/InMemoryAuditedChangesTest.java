package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.AuditedChangesContract;

/** The in-memory store passes the {@link AuditedChangesContract}. */
class InMemoryAuditedChangesTest extends AuditedChangesContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
