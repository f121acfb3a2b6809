package dev.crmkit.adapters.memory;

import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.archive.ArchivesContract;

/** The in-memory store passes the {@link ArchivesContract}. */
class InMemoryArchivesTest extends ArchivesContract {

    @Override
    protected CrmkitStore newStore() {
        return InMemoryCrmStore.create();
    }
}
