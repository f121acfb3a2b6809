package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.template.TemplateStore;
import dev.crmkit.campaigns.template.TemplateStoreContract;

/** The JDBC template store on H2 passes the contract suite, a second node on a pool of its own. */
class H2TemplateStoreTest extends TemplateStoreContract {

    @Override
    protected TemplateStore store() {
        javax.sql.DataSource ds = TestDatabase.H2.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().templates();
    }

    @Override
    protected TemplateStore secondNode(TemplateStore first) {
        return JdbcCrmStore.builder(TestDatabase.H2.sharedSecondNode()).build().campaignStores().templates();
    }
}
