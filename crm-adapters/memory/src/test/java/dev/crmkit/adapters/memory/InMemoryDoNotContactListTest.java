package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.audience.DoNotContactListContract;

/** The in-memory do-not-contact list passes the contract suite. */
class InMemoryDoNotContactListTest extends DoNotContactListContract {

    @Override
    protected DoNotContactList store() {
        return new InMemoryDoNotContactList();
    }
}
