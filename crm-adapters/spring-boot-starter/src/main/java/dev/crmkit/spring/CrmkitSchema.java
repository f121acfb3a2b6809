package dev.crmkit.spring;

import dev.crmkit.adapters.jdbc.CrmSchema;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;

/**
 * Migrates crmkit's tables when the context starts, with {@link CrmSchema#migrate(DataSource, String)}: crmkit's own
 * Flyway history ({@code <prefix>schema_history}), so its versions never mix with the application's. The
 * auto-configuration makes this bean wait for the application's own database initialization (its Flyway or Liquibase
 * migrations, its SQL scripts), so the application's migrations run first, on the schema they expect.
 */
public final class CrmkitSchema implements InitializingBean {

    private final DataSource dataSource;
    private final String tablePrefix;
    private final boolean migrate;
    private int migrationsRun;

    /**
     * A migration of crmkit's tables.
     *
     * @param migrate false to leave crmkit's tables to the host, which then migrates them itself (see {@link CrmSchema})
     */
    public CrmkitSchema(DataSource dataSource, String tablePrefix, boolean migrate) {
        this.dataSource = dataSource;
        this.tablePrefix = tablePrefix;
        this.migrate = migrate;
    }

    @Override
    public void afterPropertiesSet() {
        if (migrate) {
            migrationsRun = CrmSchema.migrate(dataSource, tablePrefix);
        }
    }

    /** How many of crmkit's migrations ran at this start. */
    public int migrationsRun() {
        return migrationsRun;
    }
}
