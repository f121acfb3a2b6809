package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Activity#aboutRecords}: each record once, in the order first given, unmodifiable, and kept by the entry as it
 * is.
 */
class ActivityAboutTest {

    private static final RecordRef LEAD = new RecordRef(RecordType.LEAD, new UUID(1, 1));
    private static final RecordRef CONTACT = new RecordRef(RecordType.CONTACT, new UUID(1, 2));
    private static final RecordRef COMPANY = new RecordRef(RecordType.COMPANY, new UUID(1, 3));

    @Test
    void aboutRecords_keepsTheOrderGiven_andEachRecordOnce() {
        Set<RecordRef> about = Activity.aboutRecords(CONTACT, LEAD, CONTACT, COMPANY, LEAD);

        assertEquals(List.of(CONTACT, LEAD, COMPANY), List.copyOf(about));
        assertEquals(3, about.size());
        assertEquals(new LinkedHashSet<>(List.of(CONTACT, LEAD, COMPANY)), about);
        assertEquals(new LinkedHashSet<>(List.of(CONTACT, LEAD, COMPANY)).hashCode(), about.hashCode());
        assertTrue(about.contains(COMPANY));
    }

    @Test
    void aboutRecords_ofOneOrNone() {
        assertEquals(Set.of(LEAD), Activity.aboutRecords(LEAD, LEAD));
        assertEquals(Set.of(), Activity.aboutRecords());
    }

    @Test
    void aboutRecords_manyRecords_allKeptInOrder() {
        RecordRef[] many = new RecordRef[12];
        for (int i = 0; i < many.length; i++) {
            many[i] = new RecordRef(RecordType.TASK, new UUID(2, i));
        }
        assertEquals(List.of(many), List.copyOf(Activity.aboutRecords(many)));
    }

    @Test
    void aboutRecords_isUnmodifiable_andRefusesNull() {
        Set<RecordRef> about = Activity.aboutRecords(LEAD, CONTACT);
        assertThrows(UnsupportedOperationException.class, () -> about.add(COMPANY));
        assertThrows(UnsupportedOperationException.class, about::clear);
        NullPointerException e = assertThrows(NullPointerException.class, () -> Activity.aboutRecords(LEAD, null));
        assertEquals("about", e.getMessage());
    }

    @Test
    void aboutRecords_nullArray_isRefusedNamingAbout() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Activity.aboutRecords((RecordRef[]) null));
        assertEquals("about", e.getMessage());
    }

    @Test
    void aboutRecords_ofNone_isEmpty_whichAnEntryRefusesAsAboutRequired() {
        Set<RecordRef> none = Activity.aboutRecords();
        assertTrue(none.isEmpty());
        ValidationException e = assertThrows(ValidationException.class, () -> Activity.system(
                new ActivityId(new UUID(3, 2)), "Lead captured via web form", "", none,
                Instant.parse("2026-03-01T10:00:00Z")));
        assertEquals("about", e.violations().get(0).field());
        assertEquals("required", e.violations().get(0).rule());
    }

    @Test
    void anEntry_keepsTheSetAsItIs() {
        Set<RecordRef> about = Activity.aboutRecords(LEAD, CONTACT, COMPANY);
        Activity entry = Activity.system(new ActivityId(new UUID(3, 1)), "Lead captured via web form", "",
                about, Instant.parse("2026-03-01T10:00:00Z"));

        assertSame(about, entry.about());
    }
}
