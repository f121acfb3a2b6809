package dev.crmkit.kit.migration;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.archive.Archive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link ExternalIds} that every store passes: a link found by its exact key, never replaced, written
 * and undone with its unit of work, counted per system. Extend it with {@link #newStore()} returning an empty store.
 */
public abstract class ExternalIdsContract {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    private ExternalIds ids;
    private CrmkitStore store;

    /** An empty store. */
    protected abstract CrmkitStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
        ids = store.externalIds();
    }

    private static ExternalKey key(String system, SourceType type, String sourceId) {
        return new ExternalKey(system, type, sourceId);
    }

    @Test
    void add_thenFind_returnsTheLinkWithItsTime() {
        ExternalId link = new ExternalId(key("pipedrive", SourceType.CONTACT, "17"), new UUID(1, 2), AT);

        assertTrue(ids.add(link));

        assertEquals(Optional.of(link), ids.find(link.key()));
    }

    @Test
    void find_isExact_systemTypeAndIdEachCount() {
        UUID record = new UUID(3, 4);
        ids.add(new ExternalId(key("pipedrive", SourceType.CONTACT, "Ab-1"), record, AT));

        assertTrue(ids.find(key("pipedrive", SourceType.CONTACT, "Ab-1")).isPresent());
        assertFalse(ids.find(key("pipedrive", SourceType.CONTACT, "ab-1")).isPresent(), "case counts");
        assertFalse(ids.find(key("pipedrive", SourceType.CONTACT, "Ab-1 ")).isPresent(), "blanks count");
        assertFalse(ids.find(key("pipedrive", SourceType.COMPANY, "Ab-1")).isPresent(), "the type counts");
        assertFalse(ids.find(key("hubspot", SourceType.CONTACT, "Ab-1")).isPresent(), "the system counts");
    }

    @Test
    void add_aLinkedKey_returnsFalseAndKeepsTheFirstLink() {
        ExternalId first = new ExternalId(key("pipedrive", SourceType.DEAL, "9"), new UUID(5, 6), AT);
        ids.add(first);

        boolean added = ids.add(new ExternalId(first.key(), new UUID(7, 8), AT.plusSeconds(60)));

        assertFalse(added);
        assertEquals(Optional.of(first), ids.find(first.key()));
    }

    @Test
    void severalKeys_mayLinkOneRecord() {
        UUID contact = new UUID(9, 10);
        assertTrue(ids.add(new ExternalId(key("pipedrive", SourceType.CONTACT, "1"), contact, AT)));
        assertTrue(ids.add(new ExternalId(key("pipedrive", SourceType.CONTACT, "2"), contact, AT)));

        assertEquals(contact, ids.find(key("pipedrive", SourceType.CONTACT, "2")).orElseThrow().recordId());
        assertEquals(2, ids.count("pipedrive"));
    }

    @Test
    void count_isPerSystem() {
        ids.add(new ExternalId(key("pipedrive", SourceType.COMPANY, "1"), new UUID(1, 1), AT));
        ids.add(new ExternalId(key("pipedrive", SourceType.TASK, "1"), new UUID(1, 2), AT));
        ids.add(new ExternalId(key("hubspot", SourceType.COMPANY, "1"), new UUID(1, 3), AT));

        assertEquals(2, ids.count("pipedrive"));
        assertEquals(1, ids.count("hubspot"));
        assertEquals(0, ids.count("salesforce"));
    }

    @Test
    void add_isUndoneWithItsUnitOfWork() {
        ExternalKey k = key("pipedrive", SourceType.ACTIVITY, "42");

        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            ids.add(new ExternalId(k, new UUID(2, 2), AT));
            assertTrue(ids.find(k).isPresent(), "visible inside its unit of work");
            throw new IllegalStateException("roll back");
        }));

        assertEquals(Optional.empty(), ids.find(k));
        assertEquals(0, ids.count("pipedrive"));
    }

    @Test
    void hostileAndLongSourceIds_roundTrip() {
        String longest = "x".repeat(ExternalKey.MAX_SOURCE_ID - 3) + "😀ü";
        for (String sourceId : new String[] {"O'Brien \"1\"; DROP TABLE x", "line\nbreak", "zwj 👩‍👩‍👧", "Ω",
            longest}) {
            ExternalId link = new ExternalId(key("sys-ä", SourceType.CONTACT, sourceId), new UUID(4, sourceId.length()),
                    AT);
            assertTrue(ids.add(link), sourceId);
            assertEquals(Optional.of(link), ids.find(link.key()), sourceId);
        }
    }

    @Test
    void key_refusesBlankAndTooLongValues_namingTheField() {
        ValidationException blank = assertThrows(ValidationException.class,
                () -> key(" ", SourceType.CONTACT, "1"));
        ValidationException tooLong = assertThrows(ValidationException.class,
                () -> key("s", SourceType.CONTACT, "1".repeat(ExternalKey.MAX_SOURCE_ID + 1)));

        assertEquals("system", blank.violations().get(0).field());
        assertEquals("required", blank.violations().get(0).rule());
        assertEquals("sourceId", tooLong.violations().get(0).field());
        assertEquals("max-length", tooLong.violations().get(0).rule());
    }

    @Test
    void archive_pagesInKeyTextOrder_whateverThePageSize() {
        ExternalIdFixtures.fill(store);
        List<ExternalId> expected = new ArrayList<>(ExternalIdFixtures.links());
        expected.sort((a, b) -> Archive.compareKeys(a.key().text(), b.key().text()));
        Archive<ExternalId> archive = ids.archive();

        for (int size : List.of(1, 2, 5, 12, 13)) {
            List<ExternalId> read = new ArrayList<>();
            Optional<String> after = Optional.empty();
            while (true) {
                List<ExternalId> page = archive.after(after, size);
                read.addAll(page);
                if (page.size() < size) {
                    break;
                }
                after = Optional.of(archive.key(page.get(page.size() - 1)));
            }
            assertEquals(expected, read, "page size " + size);
        }
    }

    @Test
    void archive_restoreKeepsTheLink_andRefusesAStoredKey() {
        ExternalId link = ExternalIdFixtures.links().get(8);
        Archive<ExternalId> archive = ids.archive();

        archive.restore(link);

        assertEquals(Optional.of(link), ids.find(link.key()));
        assertTrue(archive.contains(link.key().text()));
        assertFalse(archive.contains(new ExternalKey("other", SourceType.TASK, "1").text()));
        assertThrows(IllegalArgumentException.class, () -> archive.restore(new ExternalId(link.key(),
                new UUID(1, 1), AT)));
        assertEquals(Optional.of(link), ids.find(link.key()));
    }

    @Test
    void keyText_readsBack_andOrdersPartByPart() {
        ExternalKey key = new ExternalKey("hub", SourceType.DEAL, "a\u0001b");

        assertEquals(key, ExternalKey.parse(key.text()));
        assertTrue(Archive.compareKeys(new ExternalKey("hub", SourceType.TASK, "1").text(),
                new ExternalKey("hub2", SourceType.ACTIVITY, "1").text()) < 0, "system first");
        ValidationException control = assertThrows(ValidationException.class,
                () -> new ExternalKey("a\u0001b", SourceType.DEAL, "1"));
        assertEquals("printable", control.violations().get(0).rule());
    }
}
