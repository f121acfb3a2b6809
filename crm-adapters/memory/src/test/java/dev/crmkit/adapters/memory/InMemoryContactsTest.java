package dev.crmkit.adapters.memory;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contract.ContactsContract;

/** The in-memory store passes the {@link ContactsContract}. */
class InMemoryContactsTest extends ContactsContract {

    @Override
    protected CrmStore newStore() {
        return InMemoryCrmStore.create();
    }
}
