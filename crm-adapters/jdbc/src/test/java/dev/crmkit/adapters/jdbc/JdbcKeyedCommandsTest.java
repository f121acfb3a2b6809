package dev.crmkit.adapters.jdbc;

import dev.crmkit.adapters.KeyedCommandsScenario;
import dev.crmkit.core.CrmStore;

/** Keyed commands on the JDBC store (H2; PostgreSQL and MariaDB run them under kills in KillLoopTest). */
class JdbcKeyedCommandsTest extends KeyedCommandsScenario {

    @Override
    protected CrmStore newStore() {
        return TestDatabase.H2.freshStore();
    }
}
