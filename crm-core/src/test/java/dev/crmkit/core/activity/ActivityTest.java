package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityTest {

    private static final ActivityId ID = new ActivityId(UUID.fromString("00000000-0000-4000-8000-0000000000f1"));
    private static final RecordRef LEAD =
            new RecordRef(RecordType.LEAD, UUID.fromString("00000000-0000-4000-8000-0000000000d1"));
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final Optional<UserId> ALICE = Optional.of(UserId.of("alice"));

    private static Activity activity(String subject, Set<RecordRef> about, Optional<UserId> owner, Visibility v) {
        return new Activity(ID, ActivityType.CALL, subject, "", Direction.OUTBOUND, AT, List.of("Jane"), about, owner,
                v, AT);
    }

    private static void assertRefused(Runnable r, String field, String rule) {
        ValidationException e = assertThrows(ValidationException.class, r::run);
        assertEquals(field, e.violations().get(0).field());
        assertEquals(rule, e.violations().get(0).rule());
    }

    /** Eight records in an order no hash order keeps: ids counting down. */
    private static Set<RecordRef> eightRecords() {
        Set<RecordRef> about = new LinkedHashSet<>();
        for (int i = 8; i > 0; i--) {
            about.add(new RecordRef(i % 2 == 0 ? RecordType.LEAD : RecordType.CONTACT, new UUID(0, i)));
        }
        return about;
    }

    @Test
    void constructor_keepsTheRecordsInTheOrderGiven() {
        Set<RecordRef> about = eightRecords();

        assertEquals(List.copyOf(about), List.copyOf(activity("Call", about, ALICE, Visibility.PUBLIC).about()));
        assertEquals(List.copyOf(about), List.copyOf(new ActivityEvent.ActivityLogged(ID, ActivityType.CALL, about,
                AT).about()));
    }

    @Test
    void constructor_severalRecords_areCopiedOutOfTheCallersSetOnce_andTheEventSharesTheCopy() {
        Set<RecordRef> callers = eightRecords();
        List<RecordRef> given = List.copyOf(callers);

        Activity a = activity("Call", callers, ALICE, Visibility.PUBLIC);
        ActivityEvent.ActivityLogged logged = new ActivityEvent.ActivityLogged(ID, ActivityType.CALL, a.about(), AT);
        callers.clear();

        assertEquals(given, List.copyOf(a.about()));
        assertSame(a.about(), logged.about(), "the activity's copy is immutable: the event takes it as it is");
        assertEquals(Set.copyOf(given), a.about());
        assertEquals(a.about(), Set.copyOf(given));
        assertEquals(Set.copyOf(given).hashCode(), a.about().hashCode());
        assertTrue(a.about().contains(given.get(3)));
        assertThrows(UnsupportedOperationException.class, () -> a.about().clear());
        assertThrows(UnsupportedOperationException.class, () -> a.about().add(LEAD));
        assertThrows(UnsupportedOperationException.class, () -> a.about().remove(given.get(0)));
        assertThrows(UnsupportedOperationException.class, () -> a.about().removeIf(r -> true));
        // a change that would change nothing is refused too, as the JDK's unmodifiable sets refuse it (review t19 L7)
        assertThrows(UnsupportedOperationException.class, () -> a.about().remove(LEAD));
        assertThrows(UnsupportedOperationException.class, () -> a.about().removeIf(r -> false));
        assertThrows(UnsupportedOperationException.class, () -> a.about().retainAll(a.about()));
        assertThrows(UnsupportedOperationException.class, () -> a.about().removeAll(Set.of()));
        assertThrows(UnsupportedOperationException.class, () -> a.about().addAll(Set.of()));
        assertEquals(8, a.about().size());
    }

    @Test
    void constructor_fewOrManyRecords_copyKeepsOrderMembershipAndSetEquality() {
        // a copy of up to AboutRecords.SMALL references is an array, of more a hash set: both sides of the bound
        for (int n : new int[] {2, 3, AboutRecords.SMALL, AboutRecords.SMALL + 1, 40}) {
            Set<RecordRef> callers = new LinkedHashSet<>();
            for (int i = n; i > 0; i--) {
                callers.add(new RecordRef(i % 3 == 0 ? RecordType.COMPANY : RecordType.LEAD, new UUID(7, i)));
            }
            List<RecordRef> given = List.copyOf(callers);

            Set<RecordRef> about = activity("Call", callers, ALICE, Visibility.PUBLIC).about();
            callers.clear();

            assertEquals(given, List.copyOf(about), n + " records");
            assertEquals(n, about.size());
            assertEquals(Set.copyOf(given), about);
            assertEquals(Set.copyOf(given).hashCode(), about.hashCode());
            given.forEach(r -> assertTrue(about.contains(r), n + " records: " + r));
            assertFalse(about.contains(new RecordRef(RecordType.LEAD, new UUID(7, n + 1))));
            assertFalse(about.contains(new RecordRef(RecordType.CONTACT, new UUID(7, 1))));
            assertFalse(about.contains("not a reference"));
            assertThrows(UnsupportedOperationException.class, () -> about.add(LEAD));
            java.util.Iterator<RecordRef> walk = about.iterator();
            walk.next();
            assertThrows(UnsupportedOperationException.class, walk::remove);
        }
    }

    @Test
    void constructor_oneRecord_isCopiedOutOfTheCallersSet_andRefusedWhenNull() {
        Set<RecordRef> callers = new LinkedHashSet<>(Set.of(LEAD));

        Activity a = activity("Call", callers, ALICE, Visibility.PUBLIC);
        ActivityEvent.ActivityLogged logged = new ActivityEvent.ActivityLogged(ID, ActivityType.CALL, a.about(), AT);
        callers.clear();

        assertEquals(Set.of(LEAD), a.about());
        assertEquals(Set.of(LEAD), logged.about());
        assertThrows(UnsupportedOperationException.class, () -> a.about().clear());
        assertThrows(UnsupportedOperationException.class, () -> logged.about().clear());
        Set<RecordRef> withNull = new LinkedHashSet<>();
        withNull.add(null);
        assertEquals("about", assertThrows(NullPointerException.class,
                () -> activity("Call", withNull, ALICE, Visibility.PUBLIC)).getMessage());
        assertEquals("about", assertThrows(NullPointerException.class,
                () -> new ActivityEvent.ActivityLogged(ID, ActivityType.CALL, java.util.Collections.singleton(null),
                        AT)).getMessage());
    }

    @Test
    void constructor_privateNeedsOwner() {
        assertRefused(() -> activity("Call", Set.of(LEAD), Optional.empty(), Visibility.PRIVATE),
                "visibility", "private-needs-owner");
    }

    @Test
    void constructor_needsARecord() {
        assertRefused(() -> activity("Call", Set.of(), ALICE, Visibility.PUBLIC), "about", "required");
    }

    @Test
    void constructor_needsASubject() {
        assertRefused(() -> activity("  ", Set.of(LEAD), ALICE, Visibility.PUBLIC), "subject", "required");
        assertRefused(() -> activity("x".repeat(Activity.MAX_SUBJECT_LENGTH + 1), Set.of(LEAD), ALICE,
                Visibility.PUBLIC), "subject", "max-length");
    }

    @Test
    void withOutcome_endsOnlyItsTypeOfEntry() {
        Activity call = activity("Call", Set.of(LEAD), ALICE, Visibility.PUBLIC);

        assertEquals(Optional.of(ActivityOutcome.MISSED), call.withOutcome(ActivityOutcome.MISSED).outcome());
        assertEquals(Optional.empty(), call.outcome());
        assertRefused(() -> call.withOutcome(ActivityOutcome.HELD), "outcome", "fits-type");
        Activity meeting = new Activity(ID, ActivityType.MEETING, "Demo", "", Direction.OUTBOUND, AT, List.of(),
                Set.of(LEAD), ALICE, Visibility.PUBLIC, AT, Optional.of(ActivityOutcome.CANCELLED), Optional.empty());
        assertEquals(Optional.of(ActivityOutcome.CANCELLED), meeting.outcome());
        assertRefused(() -> meeting.withOutcome(ActivityOutcome.ANSWERED), "outcome", "fits-type");
    }

    @Test
    void withDuration_zeroToADay_keptToTheSecond() {
        Activity call = activity("Call", Set.of(LEAD), ALICE, Visibility.PUBLIC);

        assertEquals(Optional.of(Duration.ZERO), call.withDuration(Duration.ZERO).duration());
        assertEquals(Optional.of(Duration.ofHours(24)), call.withDuration(Activity.MAX_DURATION).duration());
        assertEquals(Optional.of(Duration.ofSeconds(61)), call.withDuration(Duration.ofMillis(61_999)).duration());
        assertRefused(() -> call.withDuration(Duration.ofNanos(-1)), "duration", "range");
        assertRefused(() -> call.withDuration(Activity.MAX_DURATION.plusNanos(1)), "duration", "range");
        Activity note = new Activity(ID, ActivityType.NOTE, "Note", "", Direction.INTERNAL, AT, List.of(),
                Set.of(LEAD), ALICE, Visibility.PUBLIC, AT);
        assertRefused(() -> note.withDuration(Duration.ofMinutes(1)), "duration", "fits-type");
    }

    @Test
    void visibleTo_privateOnlyToOwner() {
        Activity note = activity("Private", Set.of(LEAD), ALICE, Visibility.PRIVATE);

        assertTrue(note.visibleTo(ALICE));
        assertFalse(note.visibleTo(Optional.of(UserId.of("bob"))));
        assertFalse(note.visibleTo(Optional.empty()));
    }

    @Test
    void visibleTo_publicToEverybody() {
        Activity call = activity("Call", Set.of(LEAD), ALICE, Visibility.PUBLIC);

        assertTrue(call.visibleTo(Optional.empty()));
        assertTrue(call.visibleTo(Optional.of(UserId.of("bob"))));
    }

    @Test
    void system_isPublicAndInternal() {
        Activity a = Activity.system(ID, "Lead captured", "", Set.of(LEAD), AT);

        assertEquals(ActivityType.SYSTEM, a.type());
        assertEquals(Visibility.PUBLIC, a.visibility());
        assertEquals(Direction.INTERNAL, a.direction());
        assertEquals(AT, a.occurredAt());
        assertEquals(AT, a.recordedAt());
        assertEquals(Optional.empty(), a.owner());
    }
}
