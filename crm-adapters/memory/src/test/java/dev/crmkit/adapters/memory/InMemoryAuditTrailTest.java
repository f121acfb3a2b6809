package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.AuditTrailContract;

/** The in-memory store passes the {@link AuditTrailContract}. */
class InMemoryAuditTrailTest extends AuditTrailContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
