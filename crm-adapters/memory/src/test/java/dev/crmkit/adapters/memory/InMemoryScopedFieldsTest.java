package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.ScopedFieldsContract;

/** The in-memory store passes the {@link ScopedFieldsContract}: hidden fields left out, read-only ones kept. */
class InMemoryScopedFieldsTest extends ScopedFieldsContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
