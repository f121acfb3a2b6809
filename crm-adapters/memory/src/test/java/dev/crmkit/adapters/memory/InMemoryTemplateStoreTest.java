package dev.crmkit.adapters.memory;

import dev.crmkit.campaigns.template.TemplateStore;
import dev.crmkit.campaigns.template.TemplateStoreContract;

/** The in-memory template store passes the contract suite, taken from InMemoryCrmStore.campaignStores(). */
class InMemoryTemplateStoreTest extends TemplateStoreContract {

    @Override
    protected TemplateStore store() {
        return InMemoryCrmStore.create().campaignStores().templates();
    }
}
