package dev.crmkit.adapters.memory;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.Page;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RowSlots} finds each row by its id though it keeps no id object, and the packed contacts keep their id only
 * as two numbers inside their bytes: hostile ids (all bits clear or set, the extreme numbers, any version and variant,
 * and many ids sharing one hash) read back equal and with the same text, through random adds and removals checked
 * against a {@link HashMap}, and through the contacts store with its order and pages.
 */
class RowSlotsTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** Ids whose {@link UUID#hashCode()} (the high and low halves XORed, folded) are all equal: one probe run. */
    private static List<UUID> sameHash(int n) {
        List<UUID> out = new ArrayList<>();
        for (long x = 0; out.size() < n; x++) {
            out.add(new UUID(0x1234_5678_9ABC_DEF0L ^ x * 0x0000_0001_0000_0001L, x * 0x0000_0001_0000_0001L));
        }
        return out;
    }

    private static List<UUID> hostile() {
        List<UUID> out = new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 0),
                new UUID(0, Long.MIN_VALUE), new UUID(Long.MAX_VALUE, Long.MAX_VALUE), new UUID(-1, 0),
                new UUID(0, -1), UUID.fromString("1-2-3-4-5"), UUID.fromString("ffffffff-ffff-0fff-0fff-ffffffffffff")));
        out.addAll(sameHash(200));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            out.add(new UUID(random.nextLong(), random.nextLong())); // any version and variant bits
        }
        return out;
    }

    @Test
    void randomAddsAndRemovals_ofHostileIds_answerAsAHashMap() {
        PackedContacts codec = new PackedContacts();
        RowSlots<ContactId> slots = new RowSlots<>(new RowSlots.Ids<>() {
            @Override
            public ContactId id(Object stored) {
                return codec.id(stored, Contact::id);
            }

            @Override
            public boolean hasId(Object stored, ContactId id) {
                return codec.hasId(stored, id, Contact::id);
            }
        });
        Map<ContactId, RowSlots.Slot> expected = new HashMap<>();
        List<UUID> ids = hostile();
        SplittableRandom random = new SplittableRandom(11);
        for (int op = 0; op < 3000; op++) {
            ContactId id = new ContactId(ids.get(random.nextInt(ids.size())));
            if (expected.containsKey(id) && random.nextInt(3) == 0) {
                assertSame(expected.remove(id), slots.remove(id), "op " + op);
            } else if (!expected.containsKey(id)) {
                expected.put(id, slots.add(id, codec.pack(contact(id, "x" + op), op + 1)));
            }
            if (op % 97 == 0) {
                assertEquals(expected.size(), slots.size());
                for (UUID u : ids) {
                    ContactId probe = new ContactId(new UUID(u.getMostSignificantBits(), u.getLeastSignificantBits()));
                    assertSame(expected.get(probe), slots.get(probe), "op " + op + " id " + u);
                }
                int walked = 0;
                for (RowSlots.Slot s : slots.slots()) {
                    assertSame(expected.get(codec.id(s.stored, Contact::id)), s);
                    walked++;
                }
                assertEquals(expected.size(), walked);
            }
        }
        assertNull(slots.remove(new ContactId(new UUID(42, 42))), "an absent id is not there to remove");
    }

    /**
     * The byte of hash bits kept per place lets a lookup of an absent id (every insert makes one) pass the taken places
     * of its probe run without reading their rows: counted as the calls of {@link RowSlots.Ids#hasId}.
     */
    @Test
    void lookingUpAbsentIds_readsAlmostNoRows() {
        int[] reads = new int[1];
        RowSlots<UUID> slots = new RowSlots<>(new RowSlots.Ids<>() {
            @Override
            public UUID id(Object stored) {
                return (UUID) stored;
            }

            @Override
            public boolean hasId(Object stored, UUID id) {
                reads[0]++;
                return stored.equals(id);
            }
        });
        SplittableRandom random = new SplittableRandom(5);
        // 1,500 rows in 2,048 places: 73% taken, so the probe run of an absent id is about 8 places long
        for (int i = 0; i < 1500; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            slots.add(id, id);
        }
        reads[0] = 0;
        for (int i = 0; i < 10_000; i++) {
            assertNull(slots.get(new UUID(random.nextLong(), random.nextLong())));
        }
        // without the tags about 55,000 reads (seen with the tags ignored); with them one taken place in 255 matches
        assertTrue(reads[0] < 1_000, reads[0] + " rows read for 10,000 absent ids");
        reads[0] = 0;
        for (RowSlots.Slot s : slots.slots()) {
            assertSame(s, slots.get((UUID) s.stored));
        }
        assertTrue(reads[0] < 1_500 + 100, reads[0] + " rows read for 1,500 present ids");
    }

    @Test
    void hostileIds_throughTheStore_readBackEqual_withTheSameText_inOrderAndPages() {
        Contacts contacts = InMemoryCrmStore.create().contacts();
        List<Contact> stored = new ArrayList<>();
        int i = 0;
        for (UUID u : hostile()) {
            Contact c = contact(new ContactId(u), "p" + i);
            stored.add(contacts.insertOrGet(Contact.create(c.id(), c.name(), c.emails(), List.of(),
                    T0.plusSeconds(i % 7))));
            i++;
        }
        for (Contact c : stored) {
            ContactId copy = ContactId.parse(c.id().toString());
            Optional<Contact> read = contacts.findById(copy);
            assertEquals(Optional.of(c), read);
            assertEquals(c.id().toString(), read.orElseThrow().id().toString());
            assertNotSame(c.id(), read.orElseThrow().id(), "rebuilt from the stored bytes, not kept");
            assertEquals(Optional.of(c), contacts.findByEmail(c.emails().get(0)));
        }
        List<Contact> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Contact> page = contacts.findAll(cursor.map(a -> PageRequest.after(a, 13)).orElse(PageRequest.first(13)));
            paged.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        List<Contact> expected = new ArrayList<>(stored);
        expected.sort(java.util.Comparator.comparing(Contact::createdAt)); // stable: insertion order within a time
        assertEquals(expected, paged);
        assertTrue(contacts.findById(new ContactId(new UUID(1, 1))).isEmpty());
    }

    private static Contact contact(ContactId id, String local) {
        return Contact.create(id, PersonName.of("Ann", "Lee"), List.of(EmailAddress.parse(local + "@example.com")),
                List.of(), T0);
    }
}
