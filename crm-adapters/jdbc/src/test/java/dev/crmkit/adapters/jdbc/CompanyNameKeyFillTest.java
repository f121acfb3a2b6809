package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.kernel.IdGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sound and acronym keys of company rows written before V70 (NULL keys) are filled by {@link CrmSchema#migrate},
 * after which the indexed candidate query finds them by a typo or an acronym; rows written since carry their keys
 * from the write, and an update of the name moves them.
 */
class CompanyNameKeyFillTest {

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
