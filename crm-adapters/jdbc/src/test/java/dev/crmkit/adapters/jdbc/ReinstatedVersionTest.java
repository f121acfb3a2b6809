package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.merge.CompanyMergeOutcome;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.LeadMergeOutcome;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.merge.UnmergeOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A merged-away row stays in its table, retired one version up from the merge's snapshot (exports and change data
 * capture see that state). An undo reinstates each merged-away contact, lead and company above that version, so the
 * two states never share one; and it reinstates a contact only from the row its merge left, like leads and companies.
 */
class ReinstatedVersionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void unmerge_reinstatesEveryMergedAwayRowAboveTheVersionOfItsRetiredState(TestDatabase db) throws SQLException {
        JdbcCrmStore store = db.freshStore();
        Crm crm = crm(store);
        Fixtures fx = new Fixtures(3);
        Contact a = store.contacts().insertOrGet(fx.contact().build());
        Contact b = store.contacts().insertOrGet(fx.contact().build());
        Lead la = store.leads().insertOrGet(fx.lead().build());
        Lead lb = store.leads().insertOrGet(fx.lead().build());
        Company ca = store.companies().insertOrGet(fx.company().name("Alpha").build());
        Company cb = store.companies().insertOrGet(fx.company().name("Beta").build());
        MergeId contacts = assertInstanceOf(MergeOutcome.Merged.class, crm.merging().merge(MergeContacts.into(a.id(),
                List.of(a.id(), b.id())))).merge().id();
        MergeId leads = assertInstanceOf(LeadMergeOutcome.Merged.class, crm.leadMerging().merge(List.of(la.id(),
                lb.id()), Optional.of(la.id()))).merge().id();
        MergeId companies = assertInstanceOf(CompanyMergeOutcome.Merged.class, crm.companyMerging().merge(
                List.of(ca.id(), cb.id()), Optional.of(ca.id()))).merge().id();
        DataSource ds = db.shared();
        long contactRetired = version(ds, "crm_contact", b.id().value());
        long leadRetired = version(ds, "crm_lead", lb.id().value());
        long companyRetired = version(ds, "crm_company", cb.id().value());
        assertEquals(List.of(b.version() + 1, lb.version() + 1, cb.version() + 1),
                List.of(contactRetired, leadRetired, companyRetired), "the merges retired the rows a version up");

        assertInstanceOf(UnmergeOutcome.Unmerged.class, crm.merging().unmerge(contacts));
        assertInstanceOf(LeadMergeOutcome.Unmerged.class, crm.leadMerging().unmerge(leads));
        assertInstanceOf(CompanyMergeOutcome.Unmerged.class, crm.companyMerging().unmerge(companies));

        long contactNow = store.contacts().findById(b.id()).orElseThrow().version();
        long leadNow = store.leads().findById(lb.id()).orElseThrow().version();
        long companyNow = store.companies().findById(cb.id()).orElseThrow().version();
        assertTrue(contactNow > contactRetired, () -> "contact at " + contactNow + ", retired at " + contactRetired);
        assertTrue(leadNow > leadRetired, () -> "lead at " + leadNow + ", retired at " + leadRetired);
        assertTrue(companyNow > companyRetired, () -> "company at " + companyNow + ", retired at " + companyRetired);
        assertEquals(List.of(contactNow, leadNow, companyNow), List.of(version(ds, "crm_contact", b.id().value()),
                version(ds, "crm_lead", lb.id().value()), version(ds, "crm_company", cb.id().value())));
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void unmerge_aMergedAwayContactRowChangedSinceItsMerge_refusedNamingIt_andNothingStored(TestDatabase db)
            throws SQLException {
        JdbcCrmStore store = db.freshStore();
        Crm crm = crm(store);
        Fixtures fx = new Fixtures(4);
        Contact a = store.contacts().insertOrGet(fx.contact().build());
        Contact b = store.contacts().insertOrGet(fx.contact().build());
        ContactMerge merge = assertInstanceOf(MergeOutcome.Merged.class, crm.merging().merge(MergeContacts.into(
                a.id(), List.of(a.id(), b.id())))).merge();
        DataSource ds = db.shared();
        // another writer of the retired row (say a restore of older data) moved it on since the merge
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE crm_contact SET version = version + 1 WHERE id = ?")) {
            s.setObject(1, b.id().value());
            assertEquals(1, s.executeUpdate());
        }
        Contact survivor = store.contacts().findById(a.id()).orElseThrow();

        UnmergeOutcome outcome = crm.merging().unmerge(merge.id());

        assertEquals(List.of("the merged-away contact " + b.id() + " changed since the merge (version "
                + (b.version() + 1) + " then, " + (b.version() + 2) + " now)"),
                assertInstanceOf(UnmergeOutcome.Refused.class, outcome).conflicts());
        assertEquals(b.version() + 2, version(ds, "crm_contact", b.id().value()), "the row as the writer left it");
        assertEquals(Optional.of(survivor), store.contacts().findById(b.id()), "still resolves to the survivor");
        assertEquals(Optional.of(survivor), store.contacts().findById(a.id()));
        assertEquals(Optional.empty(), crm.merging().find(merge.id()).orElseThrow().undoneAt());
    }

    private static Crm crm(JdbcCrmStore store) {
        return Crm.builder().store(store).clock(Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC))
                .ids(IdGenerator.seeded(7)).defaultRegion("DE").build();
    }

    private static long version(DataSource ds, String table, UUID id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("SELECT version FROM " + table
                + " WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), () -> "no row " + id + " in " + table);
                return rs.getLong(1);
            }
        }
    }
}
