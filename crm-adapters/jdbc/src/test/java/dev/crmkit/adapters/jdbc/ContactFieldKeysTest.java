package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.segment.ContactFilter;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.privacy.PersonalValues;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The keyed custom field values of contacts (V78, {@code contact_field}): written by the bulk insert of a capture
 * batch, filled by {@link CrmSchema#migrate} for contacts stored before the table was, and deleted by an erasure.
 * (Insert and edit are covered by the segments contract on every store.)
 */
class ContactFieldKeysTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");
    private static final ContactFilter GOLD = new ContactFilter.FieldTextIs("tier", "gold");
    private static final ContactFilter BIG = new ContactFilter.FieldNumber("budget",
            ContactFilter.Comparison.AT_LEAST, new BigDecimal("100"));
    private static final ContactFilter DUE = new ContactFilter.FieldDate("renewal", ContactFilter.Comparison.LESS,
            LocalDate.of(2026, 12, 1));

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void bulkInsert_migrateFill_andErasure_keepTheKeysAsTheContacts(TestDatabase db) throws SQLException {
        DataSource ds = db.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            JdbcContactSegments segments = new JdbcContactSegments(store);
            IdGenerator ids = IdGenerator.seeded(78);
            List<Contact> contacts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                CustomFields fields = CustomFields.empty()
                        .with("tier", new FieldValue.Text(i % 3 == 0 ? "Gold" : "silver"))
                        .with("budget", new FieldValue.Number(BigDecimal.valueOf(i * 10L)))
                        .with("renewal", new FieldValue.Date(LocalDate.of(2026, 11, 15).plusDays(i)));
                Contact c = Contact.create(new ContactId(ids.next()), new PersonName("P" + i, "Keyed"), List.of(),
                        List.of(), AT);
                contacts.add(c.withCustomFields(fields, AT).atVersion(1));
            }
            store.jdbc().tx.write(c -> ((JdbcContacts) store.contacts()).insertAll(c, contacts));
            assertEquals(10, segments.count(GOLD));
            assertEquals(20, segments.count(BIG));
            assertEquals(16, segments.count(DUE));
            assertEquals(90, rows(ds, "SELECT COUNT(*) FROM crm_contact_field"));

            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM crm_contact_field");
                s.executeUpdate("INSERT INTO crm_contact_field_fill (contact_id) SELECT id FROM crm_contact");
            }
            assertEquals(0, segments.count(GOLD), "not keyed: not found");
            CrmSchema.migrate(ds);
            assertEquals(10, segments.count(GOLD));
            assertEquals(20, segments.count(BIG));
            assertEquals(16, segments.count(DUE));
            assertEquals(0, rows(ds, "SELECT COUNT(*) FROM crm_contact_field_fill"), "the queue is empty");
            assertEquals(0, CrmSchema.fillContactFieldKeys(ds, "crm_"));

            store.personalData().erase(contacts.get(0).id(), PersonalValues.of(List.of()), AT);
            assertEquals(9, segments.count(GOLD), "an erased contact's values are not found");
            assertEquals(87, rows(ds, "SELECT COUNT(*) FROM crm_contact_field"), "its keyed values are gone");
        } finally {
            TestDatabase.close(ds);
        }
    }

    /**
     * A custom date outside the years every store's DATE column holds (MariaDB's: 1000 to 9999) is stored with its
     * contact and compared by no date condition, as in memory: before, such a contact could not be saved on MariaDB
     * once V78 keyed its dates.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void aDateOutsideTheComparedYears_isStoredAndMatchesNoDateCondition(TestDatabase db) throws SQLException {
        DataSource ds = db.isolated();
        try {
            JdbcCrmStore store = JdbcCrmStore.builder(ds).build();
            JdbcContactSegments segments = new JdbcContactSegments(store);
            IdGenerator ids = IdGenerator.seeded(79);
            List<Contact> contacts = new ArrayList<>();
            for (int i = 0; i < 20; i++) { // enough for a COPY on PostgreSQL
                LocalDate renewal = i % 2 == 0 ? LocalDate.of(12_000, 1, 1) : LocalDate.of(999, 12, 31);
                Contact c = Contact.create(new ContactId(ids.next()), new PersonName("P" + i, "Far"), List.of(),
                        List.of(), AT);
                contacts.add(c.withCustomFields(CustomFields.empty().with("renewal", new FieldValue.Date(renewal)),
                        AT).atVersion(1));
            }
            store.jdbc().tx.write(c -> ((JdbcContacts) store.contacts()).insertAll(c, contacts));
            Contact single = store.contacts().insertOrGet(Contact.create(new ContactId(ids.next()),
                    new PersonName("One", "Far"), List.of(), List.of(), AT).withCustomFields(CustomFields.empty()
                    .with("renewal", new FieldValue.Date(LocalDate.of(10_000, 6, 1))), AT));

            assertEquals(21, store.contacts().count());
            assertEquals(LocalDate.of(10_000, 6, 1), ((FieldValue.Date) store.contacts().findById(single.id())
                    .orElseThrow().customFields().get("renewal").orElseThrow()).value());
            for (ContactFilter.Comparison comparison : ContactFilter.Comparison.values()) {
                ContactFilter any = new ContactFilter.FieldDate("renewal", comparison, LocalDate.of(2026, 1, 1));
                assertEquals(0, segments.count(any), comparison.name());
                assertEquals(0, contacts.stream().filter(x -> any.matches(
                        dev.crmkit.campaigns.segment.ContactFacts.of(x))).count(), "memory: " + comparison);
            }
            assertEquals(21, segments.count(new ContactFilter.FieldPresent("renewal")), "present all the same");
        } finally {
            TestDatabase.close(ds);
        }
    }

    /** The rows keep a number exactly when a number condition compares it (the jdbc store names no campaigns type). */
    @org.junit.jupiter.api.Test
    void aNumberIsKeyed_exactlyWhenANumberConditionComparesIt() {
        for (String n : List.of("0", "-5", "2.50", "1E+34", "1E+35", "-1E+35", "99999999999999999999999999999999999",
                "999999999999999999999999999999999999", "0.000000000000000000000000000001",
                "0.0000000000000000000000000000001", "1.000000000000000000000000000000000", "12E-31", "1E+40")) {
            BigDecimal value = new BigDecimal(n);
            assertEquals(ContactFilter.comparable(value), ContactFieldRows.fits(value), n);
        }
        assertEquals(true, ContactFieldRows.fits(new BigDecimal("1.000000000000000000000000000000000")));
        assertEquals(false, ContactFieldRows.fits(new BigDecimal("1E+35")));
    }

    private static long rows(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
