package dev.crmkit.core.activity;

import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineFilterTest {

    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final RecordRef CONTACT =
            new RecordRef(RecordType.CONTACT, UUID.fromString("00000000-0000-4000-8000-0000000000c1"));
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    private static Activity activity(ActivityType type, Visibility visibility, Optional<UserId> owner) {
        return new Activity(new ActivityId(UUID.randomUUID()), type, "subject", "", Direction.INBOUND, AT, List.of(),
                Set.of(CONTACT), owner, visibility, AT);
    }

    private static final Activity PUBLIC_CALL = activity(ActivityType.CALL, Visibility.PUBLIC, Optional.of(BOB));
    private static final Activity PRIVATE_NOTE = activity(ActivityType.NOTE, Visibility.PRIVATE, Optional.of(ALICE));
    private static final Activity SYSTEM = activity(ActivityType.SYSTEM, Visibility.PUBLIC, Optional.empty());

    @Test
    void everything_showsPublicEntriesOnly() {
        TimelineFilter f = TimelineFilter.everything();

        assertTrue(f.accepts(PUBLIC_CALL));
        assertTrue(f.accepts(SYSTEM));
        assertFalse(f.accepts(PRIVATE_NOTE));
    }

    @Test
    void seenBy_ownerSeesTheirPrivateEntries() {
        assertTrue(TimelineFilter.seenBy(ALICE).accepts(PRIVATE_NOTE));
        assertTrue(TimelineFilter.seenBy(ALICE).accepts(PUBLIC_CALL));
    }

    @Test
    void seenBy_otherUserDoesNotSeePrivateEntries() {
        assertFalse(TimelineFilter.seenBy(BOB).accepts(PRIVATE_NOTE));
        assertTrue(TimelineFilter.seenBy(BOB).accepts(PUBLIC_CALL));
    }

    @Test
    void ofTypes_showsOnlyThoseTypes() {
        TimelineFilter calls = TimelineFilter.everything().ofTypes(ActivityType.CALL);

        assertTrue(calls.accepts(PUBLIC_CALL));
        assertFalse(calls.accepts(SYSTEM));
    }

    @Test
    void ofTypes_keepsTheViewer() {
        TimelineFilter f = TimelineFilter.seenBy(ALICE).ofTypes(ActivityType.NOTE, ActivityType.SYSTEM);

        assertEquals(Optional.of(ALICE), f.viewer());
        assertEquals(Set.of(ActivityType.NOTE, ActivityType.SYSTEM), f.types());
        assertTrue(f.accepts(PRIVATE_NOTE));
        assertTrue(f.accepts(SYSTEM));
        assertFalse(f.accepts(PUBLIC_CALL));
        assertFalse(TimelineFilter.seenBy(BOB).ofTypes(ActivityType.NOTE).accepts(PRIVATE_NOTE));
    }

    @Test
    void types_emptyShowsEveryType() {
        TimelineFilter f = new TimelineFilter(Set.of(), Optional.of(ALICE));

        for (ActivityType type : ActivityType.values()) {
            assertTrue(f.accepts(activity(type, Visibility.PUBLIC, Optional.empty())), type::name);
        }
    }

    @Test
    void constructor_copiesTypes() {
        Set<ActivityType> types = EnumSet.of(ActivityType.CALL);
        TimelineFilter f = new TimelineFilter(types, Optional.empty());
        types.add(ActivityType.NOTE);

        assertEquals(Set.of(ActivityType.CALL), f.types());
    }
}
