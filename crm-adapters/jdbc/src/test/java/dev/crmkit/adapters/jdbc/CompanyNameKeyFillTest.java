package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.customer.CompanyOutcome;
import dev.crmkit.core.customer.NewCompany;
import dev.crmkit.core.duplicate.CompanyCandidate;
import dev.crmkit.core.duplicate.DuplicateAction;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordType;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The sound and acronym keys of company rows written before V70 (NULL keys) are filled by {@link CrmSchema#migrate},
 * after which the indexed candidate query finds them by a typo or an acronym; rows written since carry their keys
 * from the write, and an update of the name moves them. Keys written before the umlaut and connector normalization
 * (a database at V80) are cleared by V81 and computed again, so the duplicate rules for companies look them up.
 */
class CompanyNameKeyFillTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void migrate_fillsTheKeysOfOlderRows_andTheCandidateQueryFindsThem(TestDatabase db) throws SQLException {
        DataSource ds = db.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            IdGenerator ids = IdGenerator.seeded(70);
            Instant at = Instant.parse("2026-11-02T09:00:00Z");
            Company acme = store.companies().insertOrGet(Company.create(new CompanyId(ids.next()), "Acme Gmbh",
                    Optional.empty(), at));
            Company ibm = store.companies().insertOrGet(Company.create(new CompanyId(ids.next()),
                    "International Business Machines Corp.", Optional.empty(), at.plusSeconds(1)));
            List<String> written = List.of("AKM|acme", "ANTRPSNSMXNS|ibm");
            assertEquals(written, keys(ds));
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE crm_company SET name_sound = NULL, name_acronym = NULL");
            }
            assertEquals(List.of(), store.companies().findBySoundOfName("Acmee GmbH", 10));

            CrmSchema.migrate(ds);

            assertEquals(written, keys(ds));
            assertEquals(List.of(acme.id()), ids(store.companies().findBySoundOfName("Acmee GmbH", 10)));
            assertEquals(List.of(ibm.id()), ids(store.companies().findBySoundOfName("IBM", 10)));
            assertEquals(0, CrmSchema.fillCompanyNameKeys(ds, "crm_"));

            store.companies().update(store.companies().findById(acme.id()).orElseThrow()
                    .withName("Zenith Tools AG", at.plusSeconds(2)));
            assertEquals(List.of(), store.companies().findBySoundOfName("Acmee GmbH", 10));
            assertEquals(List.of(acme.id()), ids(store.companies().findBySoundOfName("Zenit Tools", 10)));
        } finally {
            TestDatabase.close(ds);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void migrateToV81_recomputesTheKeysWrittenBeforeUmlautsAndConnectorsWereNormalized(TestDatabase db)
            throws SQLException {
        DataSource ds = db.open("crmkit_v81_" + db.name().toLowerCase(java.util.Locale.ROOT) + "_"
                + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
        try {
            migrateTo(ds, "78"); // the last script before V81 when it was written
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            IdGenerator ids = IdGenerator.seeded(81);
            Instant at = Instant.parse("2026-11-02T09:00:00Z");
            Company mueller = store.companies().insertOrGet(Company.create(new CompanyId(ids.next()),
                    "Müller & Söhne KG", Optional.empty(), at));
            Company schmidt = store.companies().insertOrGet(Company.create(new CompanyId(ids.next()),
                    "Schmidt und Partner", Optional.empty(), at.plusSeconds(1)));
            // the keys as V70's CompanyNameKeys wrote them: umlauts without dots, "und" kept as a word
            setKeys(ds, mueller.name(), "MLRSN", "ms");
            setKeys(ds, schmidt.name(), "XMTANTPRTN", "sup");
            assertEquals(List.of(), ids(store.companies().findBySoundOfName("Schmidt & Partner GmbH", 10)),
                    "an old key is not looked up");

            CrmSchema.migrate(ds);

            assertEquals(List.of("MLRSN|ms", "XMTPRTN|sp"), keys(ds));
            Crm crm = Crm.builder().store(store).clock(Clock.fixed(at.plusSeconds(60), ZoneOffset.UTC))
                    .ids(IdGenerator.seeded(82)).defaultRegion("DE")
                    .duplicateRules(DuplicateRules.allowAll().withRule(RecordType.COMPANY, DuplicateAction.BLOCK))
                    .build();
            CompanyOutcome blocked = crm.customers().createCompanyUnderRules(NewCompany.of("Mueller und Soehne", ""));
            assertEquals(List.of(mueller.id()), candidates(assertInstanceOf(CompanyOutcome.Blocked.class, blocked,
                    blocked::toString).candidates()));
            Crm alerting = Crm.builder().store(store).clock(Clock.fixed(at.plusSeconds(60), ZoneOffset.UTC))
                    .ids(IdGenerator.seeded(83)).defaultRegion("DE")
                    .duplicateRules(DuplicateRules.allowAll().withRule(RecordType.COMPANY, DuplicateAction.ALERT))
                    .build();
            CompanyOutcome alerted = alerting.customers().createCompanyUnderRules(
                    NewCompany.of("Schmidt & Partner GmbH", ""));
            assertEquals(List.of(schmidt.id()), candidates(assertInstanceOf(CompanyOutcome.Alerted.class, alerted,
                    alerted::toString).candidates()));
            assertEquals(0, CrmSchema.migrate(ds));
            assertEquals(0, CrmSchema.fillCompanyNameKeys(ds, "crm_"));
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** Runs crmkit's scripts up to {@code version} only, as a database that an older crmkit migrated. */
    private static void migrateTo(DataSource ds, String version) {
        Flyway.configure(CrmSchema.class.getClassLoader()).dataSource(ds)
                .locations("classpath:" + CrmSchema.dialectOf(ds).migrationsFolder())
                .placeholders(Map.of("prefix", "crm_")).table("crm_schema_history")
                .baselineOnMigrate(true).baselineVersion("0").target(version)
                .load().migrate();
    }

    private static void setKeys(DataSource ds, String name, String sound, String acronym) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE crm_company SET name_sound = ?, name_acronym = ? WHERE name = ?")) {
            ps.setString(1, sound);
            ps.setString(2, acronym);
            ps.setString(3, name);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static List<CompanyId> candidates(List<CompanyCandidate> candidates) {
        return candidates.stream().map(CompanyCandidate::companyId).toList();
    }

    private static List<CompanyId> ids(List<Company> companies) {
        return companies.stream().map(Company::id).toList();
    }

    private static List<String> keys(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT name_sound, name_acronym FROM crm_company ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2));
            }
            return out;
        }
    }
}
