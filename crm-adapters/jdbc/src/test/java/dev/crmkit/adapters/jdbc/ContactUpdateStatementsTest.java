package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.lead.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many statements each database runs to write the contacts stored before a bulk capture chunk that the chunk
 * changes (a name and an e-mail filled in, a company link added), counted on the client ({@link StatementCounter}),
 * and that the set-based write ({@code JdbcContacts.updateAll}) refuses a stale contact and a point another contact
 * holds, leaving the rows as they were. The rows go in one multi-row update on MariaDB and PostgreSQL, one JDBC batch
 * of the one-row update on H2. Not timed.
 */
class ContactUpdateStatementsTest {

    private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");
    private static final int KNOWN = 6;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChunkChangingSixStoredContacts_writesThemWithOneStatementPerKind(TestDatabase db) {
        DataSource ds = db.isolated();
        try {
            Map<String, Integer> statements = new TreeMap<>();
            JdbcCrmStore store = JdbcCrmStore.builder(StatementCounter.counting(ds, statements)).build();
            Crm crm = Crm.builder().store(store).clock(Clock.fixed(AT, ZoneOffset.UTC)).ids(IdGenerator.seeded(83))
                    .defaultRegion("DE").build();
            List<Contact> known = new ArrayList<>();
            List<LeadSubmission> chunk = new ArrayList<>();
            for (int i = 0; i < KNOWN; i++) {
                String phone = "+49 30 5550" + (100 + i);
                known.add(((CaptureOutcome.NewLeadNewContact) crm.capture().capture(
                        LeadSubmission.from(Channel.WEB_FORM).phone(phone).build())).contact());
                chunk.add(LeadSubmission.from(Channel.IMPORT).name("Kathy", "Smith" + i).phone(phone)
                        .email("kathy@firm" + i + ".example").build());
            }
            statements.clear();

            crm.bulkCapture().captureAll(chunk);

            assertEquals(db == TestDatabase.POSTGRESQL ? 0 : db == TestDatabase.H2 ? KNOWN : 1,
                    StatementCounter.starting(statements, "UPDATE crm_contact "), statements.toString());
            assertEquals(db == TestDatabase.POSTGRESQL ? 1 : 0,
                    StatementCounter.starting(statements, "WITH v (p0, UPDATE crm_contact "), statements.toString());
            assertEquals(0, StatementCounter.starting(statements, "SELECT point FROM "), statements.toString());
            assertEquals(1, StatementCounter.starting(statements, "DELETE FROM crm_contact_company "),
                    statements.toString());
            assertEquals(0, StatementCounter.starting(statements, "DELETE FROM crm_contact_field "),
                    statements.toString());
            for (int i = 0; i < KNOWN; i++) {
                Contact now = store.contacts().findById(known.get(i).id()).orElseThrow();
                assertEquals(3, now.version(), "stored at 1, enriched, then linked to its company");
                assertEquals("Smith" + i, now.name().last());
                assertEquals(now.id(), store.contacts().findByEmail(new EmailAddress("kathy@firm" + i + ".example"))
                        .orElseThrow().id());
                assertEquals(1, now.affiliations().size());
                assertEquals(List.of(now.id()), store.contacts().findByCompany(now.affiliations().get(0).companyId(),
                        PageRequest.first(10)).items().stream().map(Contact::id).toList());
            }
        } finally {
            TestDatabase.close(ds);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void updateAll_aContactChangedSince_isRefusedAsStaleAndNothingIsWritten(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        Fixtures fx = new Fixtures(84);
        JdbcContacts contacts = (JdbcContacts) store.contacts();
        Contact one = contacts.insertOrGet(fx.contact().build());
        Contact two = contacts.insertOrGet(fx.contact().build());
        contacts.update(two); // another unit of work changed it: two is now at version 2
        PhoneNumber added = fx.phone();
        Contact renamedOne = one.withName(new dev.crmkit.core.contact.PersonName("Ann", "One"), AT)
                .withPhone(added, true, AT);
        Contact renamedTwo = two.withName(new dev.crmkit.core.contact.PersonName("Bob", "Two"), AT);

        StaleVersionException e = assertThrows(StaleVersionException.class, () -> store.transactions()
                .inTransaction(() -> store.jdbc().tx.write(c -> contacts.updateAll(c, List.of(renamedOne,
                        renamedTwo)))));

        assertEquals(two.id().toString(), e.recordId());
        assertEquals(two.version(), e.expectedVersion());
        assertEquals(one, contacts.findById(one.id()).orElseThrow());
        assertEquals(2, contacts.findById(two.id()).orElseThrow().version());
        assertTrue(contacts.findByPhone(added).isEmpty(), "the phone the refused chunk adds is not claimed");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void updateAll_aPhoneAnotherContactHolds_isNotClaimed(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        Fixtures fx = new Fixtures(85);
        JdbcContacts contacts = (JdbcContacts) store.contacts();
        PhoneNumber taken = fx.phone();
        Contact holder = contacts.insertOrGet(fx.contact().build().withPhone(taken, true, AT));
        Contact other = contacts.insertOrGet(fx.contact().build());

        boolean written = store.transactions().inTransaction(() -> store.jdbc().tx.write(c -> {
            boolean claimed = contacts.updateAll(c, List.of(other.withPhone(taken, true, AT)));
            c.rollback(); // as the chunk's unit does when the claim fails
            return claimed;
        }));

        assertFalse(written);
        assertEquals(holder.id(), contacts.findByPhone(taken).orElseThrow().id());
        assertEquals(other, contacts.findById(other.id()).orElseThrow());
    }

    /** Two contacts of one chunk adding the same phone: the second is refused, as one update after another would be. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void updateAll_twoContactsAddingOnePhone_isNotClaimedTwice(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        Fixtures fx = new Fixtures(86);
        JdbcContacts contacts = (JdbcContacts) store.contacts();
        PhoneNumber added = fx.phone();
        Contact one = contacts.insertOrGet(fx.contact().build());
        Contact two = contacts.insertOrGet(fx.contact().build());

        boolean written = store.transactions().inTransaction(() -> store.jdbc().tx.write(c -> {
            boolean claimed = contacts.updateAll(c, List.of(one.withPhone(added, true, AT),
                    two.withPhone(added, true, AT)));
            c.rollback(); // as the chunk's unit does when the claim fails
            return claimed;
        }));

        assertFalse(written);
        assertTrue(contacts.findByPhone(added).isEmpty());
        assertEquals(one, contacts.findById(one.id()).orElseThrow());
        assertEquals(two, contacts.findById(two.id()).orElseThrow());
    }

    /** {@code JdbcContacts.DATABASE_ORDER} is the order each database sorts the ids in (its part-by-part locks). */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void databaseOrder_isTheDatabasesOrderOfIds(TestDatabase db) {
        JdbcCrmStore store = db.freshStore();
        List<java.util.UUID> ids = new java.util.ArrayList<>(List.of(
                java.util.UUID.fromString("00000000-0000-0000-8000-000000000000"),
                java.util.UUID.fromString("7fffffff-ffff-ffff-0000-000000000001"),
                java.util.UUID.fromString("80000000-0000-0000-0000-000000000000"),
                java.util.UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"),
                java.util.UUID.fromString("c0ffee00-0000-4000-8000-00000000beef")));
        Fixtures fx = new Fixtures(87);
        JdbcContacts contacts = (JdbcContacts) store.contacts();
        for (java.util.UUID id : ids) {
            contacts.insertOrGet(fx.contact().id(new dev.crmkit.core.contact.ContactId(id)).build());
        }
        List<java.util.UUID> stored = store.transactions().inTransaction(() -> store.jdbc().tx.write(c -> {
            List<java.util.UUID> out = new java.util.ArrayList<>();
            try (java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT id FROM crm_contact ORDER BY id")) {
                while (rs.next()) {
                    out.add(java.util.UUID.fromString(rs.getString(1)));
                }
            }
            return out;
        }));

        ids.sort(JdbcContacts.DATABASE_ORDER);
        assertEquals(stored, ids);
        List<java.util.UUID> signed = new java.util.ArrayList<>(ids);
        java.util.Collections.sort(signed);
        assertFalse(signed.equals(ids), "the ids tell the two orders apart");
    }
}
