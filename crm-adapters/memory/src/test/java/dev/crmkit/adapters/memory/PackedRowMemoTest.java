package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The packed contacts are rebuilt once per unit of work while they are the last row read or written there (a capture
 * reads its person by e-mail, then locks them, and updates the contact it has just inserted), what is read is what
 * was written, and no row outlives its unit: reads outside one rebuild the row each time, and a rollback's undo is
 * read back as stored.
 */
class PackedRowMemoTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final EmailAddress EMAIL = EmailAddress.parse("jane@acme-tools.de");

    @Test
    void aRowWrittenOrReadInAUnit_isReadBackWithoutRebuilding_andOnlyThere() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        Contacts contacts = store.contacts();
        Contact candidate = Contact.create(new ContactId(IdGenerator.seeded(3).next()), PersonName.of("Jane", "Doe"),
                List.of(EMAIL), List.of(PhoneNumber.parse("030 901820", "DE")), T0);

        Contact[] inUnit = store.transactions().inTransaction(() -> {
            Contact inserted = contacts.insertOrGet(candidate);
            assertSame(inserted, contacts.findById(candidate.id()).orElseThrow(), "the row just inserted");
            assertSame(inserted, contacts.findByEmail(EMAIL).orElseThrow());
            Contact renamed = contacts.update(inserted.withName(PersonName.of("Janet", "Doe"), T0.plusSeconds(1)));
            assertSame(renamed, contacts.lockById(candidate.id()).orElseThrow(), "the row just updated");
            return new Contact[] {inserted, renamed};
        });

        Contact first = contacts.findById(candidate.id()).orElseThrow();
        Contact second = contacts.findById(candidate.id()).orElseThrow();
        assertEquals(inUnit[1], first, "what the unit wrote is what is stored");
        assertEquals(2, first.version());
        assertNotSame(inUnit[1], first, "outside a unit nothing is remembered: the row is rebuilt");
        assertNotSame(first, second);

        Contact read = store.transactions().inTransaction(() -> contacts.findByEmail(EMAIL).orElseThrow());
        assertNotSame(first, read, "a new unit remembers nothing of the reads before it");
        assertEquals(first, read);
    }

    @Test
    void aRowRememberedInAUnitThatRollsBack_isReadAsStoredBefore() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        Contacts contacts = store.contacts();
        Contact stored = contacts.insertOrGet(Contact.create(new ContactId(IdGenerator.seeded(4).next()),
                PersonName.of("Jane", "Doe"), List.of(EMAIL), List.of(), T0));

        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            Contact renamed = contacts.update(stored.withName(PersonName.of("Janet", "Doe"), T0.plusSeconds(1)));
            assertSame(renamed, contacts.findById(stored.id()).orElseThrow());
            throw new IllegalStateException("rolled back");
        }));

        store.transactions().inTransaction(() -> {
            Contact read = contacts.findById(stored.id()).orElseThrow();
            assertEquals(stored, read, "the undo's row, not the rolled-back one");
            assertEquals(PersonName.of("Jane", "Doe"), contacts.findByEmail(EMAIL).orElseThrow().name());
            return null;
        });
    }
}
