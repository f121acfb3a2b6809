package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.CustomFieldSchemasContract;

/** The in-memory store passes the {@link CustomFieldSchemasContract}. */
class InMemoryCustomFieldSchemasTest extends CustomFieldSchemasContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
