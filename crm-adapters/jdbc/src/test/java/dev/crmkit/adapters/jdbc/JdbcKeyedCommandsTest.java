package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.CrmStore;
import dev.crmkit.pipeline.contract.KeyedCommandsContract;

/** Keyed commands on the JDBC store (H2; PostgreSQL and MariaDB run them under kills in KillLoopTest). */
class JdbcKeyedCommandsTest extends KeyedCommandsContract {

    @Override
    protected CrmStore newStore() {
        return TestDatabase.H2.freshStore();
    }
}
