package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.template.TemplateStore;
import dev.crmkit.campaigns.template.TemplateStoreContract;

/** The JDBC template store on POSTGRESQL passes the contract suite, a second node on a pool of its own. */
class PostgresTemplateStoreTest extends TemplateStoreContract {

    @Override
    protected TemplateStore store() {
        javax.sql.DataSource ds = TestDatabase.POSTGRESQL.shared();
        TestDatabase.empty(ds, Tables.DEFAULT_PREFIX);
        // through the store, as Crmkit.campaigns() gets it
        return JdbcCrmStore.builder(ds).build().campaignStores().templates();
    }

    @Override
    protected TemplateStore secondNode(TemplateStore first) {
        return JdbcCrmStore.builder(TestDatabase.POSTGRESQL.sharedSecondNode()).build().campaignStores().templates();
    }
}
