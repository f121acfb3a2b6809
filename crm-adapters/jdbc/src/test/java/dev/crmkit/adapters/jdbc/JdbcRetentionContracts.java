package dev.crmkit.adapters.jdbc;

import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.privacy.RetentionContract;

/**
 * The {@link RetentionContract} on the JDBC store: the second node is a pool of its own on the same database, the
 * dump every row of every crmkit table ({@link JdbcPersonalDataContracts#dump}). Subclasses name the database.
 */
abstract class JdbcRetentionContracts extends RetentionContract {

    /** The database the contract runs against. */
    abstract TestDatabase database();

    @Override
    protected CrmkitStore newStore() {
        return database().freshStore();
    }

    @Override
    protected CrmkitStore secondNode(CrmkitStore store) {
        return JdbcCrmStore.builder(database().sharedSecondNode()).build();
    }

    @Override
    protected String dump(CrmkitStore store) {
        return JdbcPersonalDataContracts.dump(database());
    }
}
