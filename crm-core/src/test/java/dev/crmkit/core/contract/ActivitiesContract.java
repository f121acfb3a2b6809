package dev.crmkit.core.contract;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.crmkit.core.contract.Fixtures.ALICE;
import static dev.crmkit.core.contract.Fixtures.BOB;
import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The contract every {@link Activities} store passes: an append-only timeline per record, newest first by time of
 * occurrence and then the last recorded first, with type and visibility filters applied before paging so pages stay full. Extend it
 * with a class that returns a fresh, empty store.
 */
public abstract class ActivitiesContract {

    /** A fresh, empty store; called before every test. */
    protected abstract CrmStore newStore();

    private CrmStore store;
    private Activities activities;
    private Fixtures fx;
    private RecordRef contact;

    @BeforeEach
    void createStore() {
        store = newStore();
        activities = store.activities();
        fx = new Fixtures();
        contact = fx.ref(RecordType.CONTACT);
    }

    @Test
    void append_newActivity_isFoundByIdAsStored() {
        Activity activity = fx.activity(contact).build();

        activities.append(activity);

        assertEquals(Optional.of(activity), activities.findById(activity.id()));
    }

    @Test
    void append_sameIdTwice_throwsAndKeepsTheFirst() {
        Activity first = fx.activity(contact).subject("first").build();
        activities.append(first);
        Activity again = fx.activity(fx.ref(RecordType.LEAD)).id(first.id()).subject("second").build();

        assertThrows(IllegalArgumentException.class, () -> activities.append(again));

        assertEquals(Optional.of(first), activities.findById(first.id()));
        assertEquals(List.of(), activities.timeline(again.about().iterator().next(), TimelineFilter.everything(),
                PageRequest.first(5)).items());
    }

    @Test
    void findById_unknown_isEmpty() {
        activities.append(fx.activity(contact).build());

        assertEquals(Optional.empty(), activities.findById(new ActivityId(fx.nextId())));
    }

    @Test
    void readBack_everyField_equalsWhatWasStored() {
        Activity full = fx.activity(contact, fx.ref(RecordType.LEAD), fx.ref(RecordType.DEAL))
                .type(ActivityType.EMAIL)
                .subject(Fixtures.TRICKY_TEXT)
                .body("Hallo Zoë,\n\n\"quoted\" 'text' 😀🚀\r\n'; DROP TABLE activities; --")
                .direction(Direction.INBOUND)
                .occurredAt(at(-86_400))
                .participants("zoe@example.com", "Zoë O'Brien <zoe@example.com>", "+4915112345678")
                .privateTo(ALICE)
                .recordedAt(at(7))
                .build();

        activities.append(full);

        assertEquals(Optional.of(full), activities.findById(full.id()));
        assertEquals(List.of(full), activities.timeline(contact, TimelineFilter.seenBy(ALICE),
                PageRequest.first(5)).items());
    }

    @Test
    void readBack_outcomeAndDuration_equalWhatWasStored() {
        Activity answered = fx.activity(contact).type(ActivityType.CALL).ownedBy(ALICE)
                .outcome(ActivityOutcome.ANSWERED).duration(Duration.ofSeconds(Activity.MAX_DURATION.toSeconds()))
                .build();
        Activity missed = fx.activity(contact).type(ActivityType.CALL).direction(Direction.INBOUND)
                .outcome(ActivityOutcome.MISSED).duration(Duration.ZERO).occurredAt(at(60)).build();
        Activity untimed = fx.activity(contact).type(ActivityType.CALL).outcome(ActivityOutcome.ANSWERED)
                .occurredAt(at(120)).build();
        Activity cancelled = fx.activity(contact).type(ActivityType.MEETING).outcome(ActivityOutcome.CANCELLED)
                .occurredAt(at(180)).build();
        Activity timedMeeting = fx.activity(contact).type(ActivityType.MEETING).duration(Duration.ofMinutes(45))
                .occurredAt(at(240)).build();
        Activity plain = fx.activity(contact).type(ActivityType.CALL).occurredAt(at(300)).build();
        List<Activity> all = List.of(answered, missed, untimed, cancelled, timedMeeting, plain);

        all.forEach(activities::append);

        for (Activity a : all) {
            assertEquals(Optional.of(a), activities.findById(a.id()));
        }
        List<Activity> newestFirst = new ArrayList<>(all);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, activities.timeline(contact, TimelineFilter.seenBy(ALICE),
                PageRequest.first(10)).items());
        assertEquals(Optional.of(Duration.ofHours(24)), activities.findById(answered.id()).orElseThrow().duration());
        assertEquals(Optional.empty(), activities.findById(plain.id()).orElseThrow().outcome());
    }

    @Test
    void timeline_entries_newestFirstByOccurrenceThenLastRecordedFirst() {
        List<Activity> expected = appendShuffled(17, i -> fx.activity(contact).occurredAt(at(i % 4)).build());

        for (int size : Fixtures.pageSizes(expected.size())) {
            assertEquals(expected, Fixtures.readAll(p -> activities.timeline(contact, TimelineFilter.everything(),
                    p), size), "page size " + size);
        }
    }

    @Test
    void findById_andTimeline_keepTheRecordsInTheOrderGiven() {
        RecordRef[] more = new RecordRef[7];
        for (int i = 0; i < more.length; i++) {
            more[i] = fx.ref(i % 2 == 0 ? RecordType.LEAD : RecordType.COMPANY);
        }
        Activity activity = fx.activity(contact, more).build();
        activities.append(activity);
        List<RecordRef> given = new ArrayList<>(List.of(contact));
        given.addAll(List.of(more));

        assertEquals(given, List.copyOf(activities.findById(activity.id()).orElseThrow().about()));
        assertEquals(given, List.copyOf(activities.timeline(more[3], TimelineFilter.everything(),
                PageRequest.first(5)).items().get(0).about()));
    }

    @Test
    void timeline_sameOccurrence_lastRecordedFirstNotIdOrder() {
        List<Activity> appended = new ArrayList<>();
        for (UUID id : fx.idsDescending(6)) {
            Activity a = fx.activity(contact).id(new ActivityId(id)).occurredAt(at(5)).build();
            activities.append(a);
            appended.add(a);
        }
        List<Activity> newestFirst = new ArrayList<>(appended);
        Collections.reverse(newestFirst);

        assertEquals(newestFirst, Fixtures.readAll(p -> activities.timeline(contact, TimelineFilter.everything(), p),
                4));
    }

    @Test
    void timeline_backdatedEntry_appearsAtItsTimeOfOccurrence() {
        Activity early = fx.activity(contact).occurredAt(at(10)).build();
        Activity late = fx.activity(contact).occurredAt(at(30)).build();
        Activity backdated = fx.activity(contact).occurredAt(at(20)).recordedAt(at(40)).build();
        activities.append(early);
        activities.append(late);
        activities.append(backdated);

        assertEquals(List.of(late, backdated, early),
                activities.timeline(contact, TimelineFilter.everything(), PageRequest.first(10)).items());
    }

    @Test
    void timeline_activitiesAboutOtherRecords_areNotShown() {
        RecordRef otherContact = fx.ref(RecordType.CONTACT);
        RecordRef sameIdOtherType = new RecordRef(RecordType.LEAD, contact.id());
        Activity mine = fx.activity(contact).build();
        activities.append(mine);
        activities.append(fx.activity(otherContact).build());
        activities.append(fx.activity(sameIdOtherType).build());

        assertEquals(List.of(mine), activities.timeline(contact, TimelineFilter.everything(),
                PageRequest.first(10)).items());
        assertEquals(List.of(), activities.timeline(fx.ref(RecordType.COMPANY), TimelineFilter.everything(),
                PageRequest.first(10)).items());
    }

    @Test
    void timeline_activityAboutTwoRecords_showsInBoth() {
        RecordRef lead = fx.ref(RecordType.LEAD);
        Activity call = fx.activity(contact, lead).type(ActivityType.CALL).occurredAt(at(5)).build();
        Activity onlyContact = fx.activity(contact).occurredAt(at(1)).build();
        Activity onlyLead = fx.activity(lead).occurredAt(at(9)).build();
        activities.append(call);
        activities.append(onlyContact);
        activities.append(onlyLead);

        assertEquals(List.of(call, onlyContact), activities.timeline(contact, TimelineFilter.everything(),
                PageRequest.first(10)).items());
        assertEquals(List.of(onlyLead, call), activities.timeline(lead, TimelineFilter.everything(),
                PageRequest.first(10)).items());
    }

    @Test
    void timeline_typeFilter_appliedBeforePagingSoPagesStayFull() {
        ActivityType[] cycle = {ActivityType.CALL, ActivityType.NOTE, ActivityType.EMAIL, ActivityType.NOTE};
        List<Activity> all = appendShuffled(40, i -> fx.activity(contact).type(cycle[i % cycle.length])
                .occurredAt(at(i)).build());
        List<Activity> calls = all.stream().filter(a -> a.type() == ActivityType.CALL).toList();
        List<Activity> callsAndEmails = all.stream()
                .filter(a -> a.type() == ActivityType.CALL || a.type() == ActivityType.EMAIL).toList();

        TimelineFilter onlyCalls = TimelineFilter.everything().ofTypes(ActivityType.CALL);
        TimelineFilter callsOrEmails = TimelineFilter.everything().ofTypes(ActivityType.CALL, ActivityType.EMAIL);
        for (int size : List.of(1, 3, 4, 10, 11)) {
            assertEquals(calls, Fixtures.readAll(p -> activities.timeline(contact, onlyCalls, p), size),
                    "page size " + size);
            assertEquals(callsAndEmails, Fixtures.readAll(p -> activities.timeline(contact, callsOrEmails, p),
                    size), "page size " + size);
        }
        assertEquals(List.of(), activities.timeline(contact, TimelineFilter.everything()
                .ofTypes(ActivityType.MEETING), PageRequest.first(5)).items());
    }

    @Test
    void timeline_privateEntries_visibleToTheirOwnerOnly() {
        List<Activity> all = appendShuffled(30, i -> {
            Fixtures.ActivityBuilder b = fx.activity(contact).occurredAt(at(i));
            return switch (i % 3) {
                case 0 -> b.privateTo(ALICE).build();
                case 1 -> b.privateTo(BOB).build();
                default -> b.ownedBy(BOB).build();
            };
        });
        List<Activity> publicOnes = all.stream().filter(a -> a.visibleTo(Optional.empty())).toList();
        List<Activity> alicesView = all.stream().filter(a -> a.visibleTo(Optional.of(ALICE))).toList();

        for (int size : List.of(1, 4, 7)) {
            assertEquals(publicOnes, Fixtures.readAll(p -> activities.timeline(contact,
                    TimelineFilter.everything(), p), size), "anonymous, page size " + size);
            assertEquals(alicesView, Fixtures.readAll(p -> activities.timeline(contact,
                    TimelineFilter.seenBy(ALICE), p), size), "alice, page size " + size);
        }
        assertEquals(10, publicOnes.size());
        assertEquals(20, alicesView.size());
    }

    @Test
    void timeline_typeAndVisibilityFilters_combine() {
        Activity alicesPrivateCall = fx.activity(contact).type(ActivityType.CALL).privateTo(ALICE)
                .occurredAt(at(3)).build();
        Activity bobsPrivateCall = fx.activity(contact).type(ActivityType.CALL).privateTo(BOB)
                .occurredAt(at(2)).build();
        Activity publicNote = fx.activity(contact).occurredAt(at(1)).build();
        activities.append(alicesPrivateCall);
        activities.append(bobsPrivateCall);
        activities.append(publicNote);

        assertEquals(List.of(alicesPrivateCall), activities.timeline(contact,
                TimelineFilter.seenBy(ALICE).ofTypes(ActivityType.CALL), PageRequest.first(1)).items());
        assertEquals(Optional.empty(), activities.timeline(contact,
                TimelineFilter.seenBy(ALICE).ofTypes(ActivityType.CALL), PageRequest.first(1)).next());
    }

    @Test
    void timeline_tenThousandEntries_pagesInOneOrderWithoutDuplicates() {
        int n = 10_000;
        List<Activity> candidates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            candidates.add(fx.activity(contact).occurredAt(at(i % 700)).build());
        }
        Collections.shuffle(candidates, new Random(n));
        store.transactions().run(() -> candidates.forEach(activities::append));
        List<Activity> expected = newestFirst(candidates);

        List<Activity> walked = Fixtures.readAll(p -> activities.timeline(contact, TimelineFilter.everything(), p),
                97);

        Fixtures.assertNoDuplicates(walked);
        assertEquals(n, walked.size());
        assertEquals(expected, walked);
        assertEquals(expected.subList(0, PageRequest.MAX_SIZE), activities.timeline(contact,
                TimelineFilter.everything(), PageRequest.first(PageRequest.MAX_SIZE)).items());
    }

    @Test
    void timeline_invalidCursor_throws() {
        activities.append(fx.activity(contact).build());
        PageRequest invalid = PageRequest.after("not a cursor", 5);

        assertThrows(IllegalArgumentException.class,
                () -> activities.timeline(contact, TimelineFilter.everything(), invalid));
        assertThrows(IllegalArgumentException.class, () -> activities.timeline(fx.ref(RecordType.COMPANY),
                TimelineFilter.everything(), invalid), "also for a record without activities");
    }

    @Test
    void timeline_recordWithoutActivities_isOneEmptyLastPage() {
        activities.append(fx.activity(contact).build());

        var page = activities.timeline(fx.ref(RecordType.LEAD), TimelineFilter.everything(), PageRequest.first(5));

        assertEquals(List.of(), page.items());
        assertEquals(Optional.empty(), page.next());
    }

    /** Appends {@code n} activities in shuffled order and returns them newest first. */
    private List<Activity> appendShuffled(int n, Function<Integer, Activity> make) {
        List<Activity> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            candidates.add(make.apply(i));
        }
        Collections.shuffle(candidates, new Random(n));
        candidates.forEach(activities::append);
        return newestFirst(candidates);
    }

    /** Activities appended in this order, newest first: by occurrence descending, then the last recorded first. */
    private static List<Activity> newestFirst(List<Activity> appended) {
        List<Activity> out = new ArrayList<>(appended);
        Collections.reverse(out);
        out.sort(Fixtures.byTime(Activity::occurredAt).reversed());
        return out;
    }
}
