package dev.crmkit.adapters.jdbc;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

/**
 * crmkit's database schema: Flyway migration scripts shipped in the crm-adapters jar, one set per {@link Dialect}
 * under {@code db/crmkit/postgresql}, {@code db/crmkit/mariadb} and {@code db/crmkit/h2}. Every table name starts with a
 * configurable prefix (default {@code crm_}), written {@code ${prefix}} in the scripts, so crmkit can live in an
 * ERP's schema without clashing; its migration history is kept in {@code <prefix>schema_history}.
 *
 * <p><b>A host that runs its own migrations</b> takes the scripts of its dialect from the jar instead of calling
 * {@link #migrate}: with Flyway, add {@code classpath:db/crmkit/postgresql} to its locations and set the placeholder
 * {@code prefix} (for example {@code spring.flyway.placeholders.prefix=crm_}); with Liquibase, include each script as
 * a {@code sqlFile} change in version order after replacing {@code ${prefix}}. Keep crmkit's scripts in a history of
 * their own (a separate Flyway table) so their version numbers cannot collide with the host's.
 */
public final class CrmSchema {

    private CrmSchema() {
    }

    /** Brings the schema with the default prefix {@code crm_} up to date. See {@link #migrate(DataSource, String)}. */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, Tables.DEFAULT_PREFIX);
    }

    /**
     * Brings crmkit's tables up to date in the data source's current schema, creating them on first use. Safe to call
     * on every start and from several nodes at once (Flyway locks its history table). Tables that are not crmkit's
     * are left alone. Afterwards it fills what the scripts cannot compute: the phonetic name keys (V40) of contact
     * rows written before them. A host that runs the scripts with its own tool calls {@link #fillNameKeys} instead.
     * It also keys the participants (V54) of private timeline items written before them
     * ({@link #fillParticipantKeys}).
     *
     * @param tablePrefix 1 to 30 lower-case letters, digits and underscores, starting with a letter
     * @return how many migrations ran
     * @throws IllegalArgumentException if the prefix is malformed or the database is not a supported one
     */
    public static int migrate(DataSource dataSource, String tablePrefix) {
        Objects.requireNonNull(dataSource, "dataSource");
        String prefix = Tables.checkPrefix(tablePrefix);
        Dialect dialect = dialectOf(dataSource);
        MigrateResult result = Flyway.configure(CrmSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + dialect.migrationsFolder())
                .placeholders(Map.of("prefix", prefix))
                .table(prefix + "schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        NameKeyFill.fill(dataSource, dialect, prefix);
        ParticipantKeyFill.fill(dataSource, dialect, prefix);
        CompanyNameKeyFill.fill(dataSource, dialect, prefix);
        ContactFieldFill.fill(dataSource, dialect, prefix);
        LeadNameKeyFill.fill(dataSource, dialect, prefix);
        return result.migrationsExecuted;
    }

    /**
     * Fills the phonetic name keys of contact rows that have none (rows written before V40): what {@link #migrate}
     * does after the scripts, for a host that runs them with its own Flyway or Liquibase. Cheap when none is missing.
     *
     * @return how many rows were filled
     */
    public static int fillNameKeys(DataSource dataSource, String tablePrefix) {
        Objects.requireNonNull(dataSource, "dataSource");
        return NameKeyFill.fill(dataSource, dialectOf(dataSource), Tables.checkPrefix(tablePrefix));
    }

    /**
     * Keys the participants of private timeline items that have no keys (rows written before V54), so the scoped
     * timeline shows them to their participants: what {@link #migrate} does after the scripts, for a host that runs
     * them with its own Flyway or Liquibase. Cheap when none is missing.
     *
     * @return how many activities were keyed
     */
    public static int fillParticipantKeys(DataSource dataSource, String tablePrefix) {
        Objects.requireNonNull(dataSource, "dataSource");
        return ParticipantKeyFill.fill(dataSource, dialectOf(dataSource), Tables.checkPrefix(tablePrefix));
    }

    /**
     * Fills the sound and acronym keys of company names that have none (rows written before V70, and every row V81
     * cleared when the keys came to transliterate umlauts and leave out connectors), so the duplicate
     * rules for companies find them by a typo or an acronym: what {@link #migrate} does after the scripts, for a host
     * that runs them with its own Flyway or Liquibase. Cheap when none is missing.
     *
     * @return how many companies were filled
     */
    public static int fillCompanyNameKeys(DataSource dataSource, String tablePrefix) {
        Objects.requireNonNull(dataSource, "dataSource");
        return CompanyNameKeyFill.fill(dataSource, dialectOf(dataSource), Tables.checkPrefix(tablePrefix));
    }

    /**
     * Keys the custom field values of the contacts queued by V78 (stored before it), so segments' custom-field
     * conditions find them: what {@link #migrate} does after the scripts, for a host that runs them with its own
     * Flyway or Liquibase. Cheap when none is queued.
     *
     * @return how many contacts were keyed
     */
    public static int fillContactFieldKeys(DataSource dataSource, String tablePrefix) {
        Objects.requireNonNull(dataSource, "dataSource");
        return ContactFieldFill.fill(dataSource, dialectOf(dataSource), Tables.checkPrefix(tablePrefix));
    }

    /**
     * Rebuilds, in one transaction, the reached stages kept per deal (V84) from the whole stage history, which
     * {@link JdbcMetrics#pipelineFunnelCounts} reads: for a host that wrote stage history rows by hand (an import of
     * its own, a bulk load) instead of through crmkit. V84 fills them once for the history stored before it, and
     * crmkit keeps them with every entry it writes afterwards, so {@link #migrate} does not call this. Reads every
     * stage history row.
     *
     * @return how many deal rows were written
     */
    public static int fillStageReach(DataSource dataSource, String tablePrefix) {
        Objects.requireNonNull(dataSource, "dataSource");
        Tables tables = new Tables(Tables.checkPrefix(tablePrefix));
        Dialect dialect = dialectOf(dataSource);
        try {
            return OwnTransaction.run(dataSource, OwnTransaction.AS_IS, c -> StageReach.rebuildAll(c, dialect, tables));
        } catch (SQLException e) {
            throw new JdbcStoreException("could not rebuild the reached stages of the deals", e, false);
        }
    }

    /**
     * Keys the own names of the leads queued by V80 (stored before it), so the duplicate rules for leads find them by
     * the name they came with: what {@link #migrate} does after the scripts, for a host that runs them with its own
     * Flyway or Liquibase. Cheap when none is queued.
     *
     * @return how many leads were keyed
     */
    public static int fillLeadNameKeys(DataSource dataSource, String tablePrefix) {
        Objects.requireNonNull(dataSource, "dataSource");
        return LeadNameKeyFill.fill(dataSource, dialectOf(dataSource), Tables.checkPrefix(tablePrefix));
    }

    /** The dialect of a data source's database. */
    static Dialect dialectOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return Dialect.of(c);
        } catch (SQLException e) {
            throw new JdbcStoreException("could not connect to read the database product", e, false);
        }
    }
}
