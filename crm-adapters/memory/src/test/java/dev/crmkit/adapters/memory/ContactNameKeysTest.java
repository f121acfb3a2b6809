package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.EmailAddress;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contacts' name-key groups skip recomputing their keys when an update leaves the name equal ({@link Table}'s
 * group with a basis): an update that changes the name still moves the contact to its new keys, and one that changes
 * something else keeps it under its keys.
 */
class ContactNameKeysTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void renamedContact_isFoundByTheSoundOfItsNewName_notItsOld_andAnOtherUpdateKeepsItsKeys() {
        Contacts contacts = InMemoryCrmStore.create().contacts();
        Contact anna = contacts.insertOrGet(Contact.create(new ContactId(new UUID(17, 1)), PersonName.of("Anna", "Schmidt"),
                List.of(EmailAddress.parse("anna@example.com")), List.of(), T0));
        assertEquals(List.of(anna.id()), ids(contacts.findBySoundOfName(PersonName.of("Anna", "Schmitt"), 10)));

        Contact moved = contacts.update(anna.withEmail(EmailAddress.parse("anna@example.org"), true, T0.plusSeconds(1)));
        assertEquals(List.of(anna.id()), ids(contacts.findBySoundOfName(PersonName.of("Anna", "Schmitt"), 10)),
                "an update that leaves the name alone keeps the contact under its name keys");

        contacts.update(moved.withName(PersonName.of("Jonas", "Krüger"), T0.plusSeconds(2)));
        assertEquals(List.of(), ids(contacts.findBySoundOfName(PersonName.of("Anna", "Schmitt"), 10)),
                "not under the old name");
        assertEquals(List.of(anna.id()), ids(contacts.findBySoundOfName(PersonName.of("Jonas", "Krüger"), 10)),
                "found by its new name");
    }

    private static List<ContactId> ids(List<Contact> found) {
        return found.stream().map(Contact::id).toList();
    }
}
