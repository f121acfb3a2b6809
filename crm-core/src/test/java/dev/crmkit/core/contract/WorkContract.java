package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityEvent;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.activity.Visibility;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskChange;
import dev.crmkit.core.task.TaskEvent;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.core.task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The everyday work use cases against a real store: logging to the timeline, planning tasks with reminders, and
 * giving leads owners. An adapter runs it by extending this class and returning an empty store.
 */
public abstract class WorkContract {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final UserId ANNA = UserId.of("anna");
    private static final UserId BEN = UserId.of("ben");

    private TestClock clock;
    private Crm crm;
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

    /** An empty store of the adapter under test. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUpCrm() {
        events.clear();
        clock = TestClock.at(NOW, ZoneId.of("Europe/Berlin"));
        crm = Crm.builder().store(newStore()).clock(clock).ids(IdGenerator.seeded(3)).defaultRegion("DE")
                .events(events::add).build();
    }

    private Lead lead() {
        CaptureOutcome outcome = crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe")
                .email("jane.doe@gmail.com").build());
        return outcome.lead().orElseThrow(() -> new AssertionError(outcome.toString()));
    }

    private static RecordRef ref(Lead lead) {
        return new RecordRef(RecordType.LEAD, lead.id().value());
    }

    @Test
    void log_note_isOnTheTimelineNewestFirstAndPublished() {
        Lead lead = lead();
        clock.advance(Duration.ofMinutes(5));
        events.clear();

        Activity note = crm.timeline().log(LogActivity.note(ANNA, "  Called, no answer ", "", ref(lead)));

        assertEquals("Called, no answer", note.subject());
        assertEquals(clock.instant(), note.occurredAt());
        assertEquals(note, crm.timeline().of(ref(lead), TimelineFilter.everything(), PageRequest.first(10))
                .items().get(0));
        ActivityEvent.ActivityLogged logged = assertInstanceOf(ActivityEvent.ActivityLogged.class, events.get(0));
        assertEquals(note.id(), logged.activityId());
    }

    @Test
    void log_privateEntry_isSeenOnlyByItsOwner() {
        Lead lead = lead();
        crm.timeline().log(new LogActivity(ActivityType.CALL, "Private call", "", Direction.OUTBOUND,
                Optional.empty(), List.of(), Set.of(ref(lead)), Optional.of(ANNA), Visibility.PRIVATE));

        assertEquals(ActivityType.CALL, crm.timeline().of(ref(lead), TimelineFilter.seenBy(ANNA)
                .ofTypes(ActivityType.CALL), PageRequest.first(10)).items().get(0).type());
        assertEquals(List.of(), crm.timeline().of(ref(lead), TimelineFilter.seenBy(BEN)
                .ofTypes(ActivityType.CALL), PageRequest.first(10)).items());
    }

    @Test
    void log_badCommand_listsEveryProblemAndStoresNothing() {
        RecordRef nowhere = new RecordRef(RecordType.CONTACT, new UUID(1, 2));
        LogActivity bad = new LogActivity(ActivityType.NOTE, " ", "", Direction.INTERNAL, Optional.empty(),
                List.of(""), Set.of(nowhere), Optional.empty(), Visibility.PUBLIC);

        ValidationException e = assertThrows(ValidationException.class, () -> crm.timeline().log(bad));

        assertEquals(List.of("participants[0]", "subject"), e.violations().stream().map(Violation::field).toList());
        assertEquals(List.of(), crm.timeline().of(nowhere, TimelineFilter.everything(), PageRequest.first(10))
                .items());
        assertEquals(List.of(), events);
    }

    @Test
    void log_callWithOutcomeAndTalkTime_isStoredToTheSecond() {
        Lead lead = lead();

        Activity call = crm.timeline().log(LogActivity.call(ANNA, Direction.OUTBOUND, "Discovery call",
                clock.instant(), ActivityOutcome.ANSWERED, Optional.of(Duration.ofMillis(95_700)), ref(lead)));

        assertEquals(Optional.of(ActivityOutcome.ANSWERED), call.outcome());
        assertEquals(Optional.of(Duration.ofSeconds(95)), call.duration());
        assertEquals(List.of(call), crm.timeline().of(ref(lead), TimelineFilter.everything()
                .ofTypes(ActivityType.CALL), PageRequest.first(10)).items());
    }

    @Test
    void log_campaignTouchesWithTypedSignals_areStoredAndReadBack() {
        Lead lead = lead();
        List<Activity> logged = new java.util.ArrayList<>();
        for (ActivityOutcome signal : List.of(ActivityOutcome.OPENED, ActivityOutcome.CLICKED,
                ActivityOutcome.BOUNCED, ActivityOutcome.UNSUBSCRIBED, ActivityOutcome.MEETING_BOOKED,
                ActivityOutcome.PURCHASED)) {
            logged.add(crm.timeline().log(LogActivity.interaction(ActivityType.CAMPAIGN_TOUCH, Direction.OUTBOUND,
                    "Newsletter", clock.instant(), ref(lead)).withOutcome(signal)));
        }

        List<Activity> read = crm.timeline().of(ref(lead), TimelineFilter.everything()
                .ofTypes(ActivityType.CAMPAIGN_TOUCH), PageRequest.first(10)).items();
        assertEquals(java.util.Set.copyOf(logged), java.util.Set.copyOf(read));
        assertEquals(java.util.Set.of(ActivityOutcome.OPENED, ActivityOutcome.CLICKED, ActivityOutcome.BOUNCED,
                ActivityOutcome.UNSUBSCRIBED, ActivityOutcome.MEETING_BOOKED, ActivityOutcome.PURCHASED),
                read.stream().map(a -> a.outcome().orElseThrow()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void log_replyToACampaign_isAnInboundEmailWithTheTypedOutcome_readBack() {
        Lead lead = lead();
        Activity reply = crm.timeline().log(LogActivity.interaction(ActivityType.EMAIL, Direction.INBOUND,
                "Re: Newsletter", clock.instant(), ref(lead)).withOutcome(ActivityOutcome.REPLIED));

        List<Activity> read = crm.timeline().of(ref(lead), TimelineFilter.everything()
                .ofTypes(ActivityType.EMAIL), PageRequest.first(10)).items();

        assertEquals(List.of(reply), read);
        assertEquals(Optional.of(ActivityOutcome.REPLIED), read.get(0).outcome());
    }

    @Test
    void log_outcomeOrDurationThatDoNotFit_listsEveryProblemAndStoresNothing() {
        Lead lead = lead();
        LogActivity note = LogActivity.note(ANNA, "Notes", "", ref(lead)).withOutcome(ActivityOutcome.ANSWERED)
                .withDuration(Duration.ofMinutes(5));
        LogActivity longCall = LogActivity.call(ANNA, Direction.INBOUND, "Call", clock.instant(),
                ActivityOutcome.HELD, Optional.of(Activity.MAX_DURATION.plusSeconds(1)), ref(lead));
        LogActivity negative = LogActivity.call(ANNA, Direction.INBOUND, "Call", clock.instant(),
                ActivityOutcome.MISSED, Optional.of(Duration.ofSeconds(-1)), ref(lead));

        ValidationException n = assertThrows(ValidationException.class, () -> crm.timeline().log(note));
        ValidationException l = assertThrows(ValidationException.class, () -> crm.timeline().log(longCall));
        ValidationException m = assertThrows(ValidationException.class, () -> crm.timeline().log(negative));

        assertEquals(List.of("duration:fits-type", "outcome:fits-type"), rules(n));
        assertEquals(List.of("duration:range", "outcome:fits-type"), rules(l));
        assertEquals(List.of("duration:range"), rules(m));
        assertEquals(List.of(), crm.timeline().of(ref(lead), TimelineFilter.everything().ofTypes(ActivityType.CALL,
                ActivityType.NOTE), PageRequest.first(10)).items());
    }

    private static List<String> rules(ValidationException e) {
        return e.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void create_storesAnOpenTaskAndPublishes() {
        Task task = crm.tasks().create(NewTask.of("Send offer", NOW.plus(Duration.ofHours(3)), ANNA, Optional.empty()));

        assertEquals(TaskStatus.OPEN, task.status());
        assertEquals(1, task.version());
        assertEquals(List.of(task), crm.tasks().agenda(ANNA).today());
        assertInstanceOf(TaskEvent.TaskCreated.class, events.get(0));
    }

    @Test
    void create_blankTitle_isRefusedNamingTheField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> crm.tasks().create(NewTask.of(" ", NOW, ANNA, Optional.empty())));

        assertEquals("title", e.violations().get(0).field());
        assertEquals(List.of(), crm.tasks().agenda(ANNA).overdue());
    }

    @Test
    void reschedule_thenCancel_movesTheTaskAndClosesIt() {
        Task task = crm.tasks().create(NewTask.of("Call back", NOW.plus(Duration.ofHours(1)), ANNA, Optional.empty()));

        TaskChange.Changed moved = assertInstanceOf(TaskChange.Changed.class,
                crm.tasks().reschedule(task.id(), NOW.plus(Duration.ofDays(1))));
        assertEquals(List.of(moved.task()), crm.tasks().agenda(ANNA).tomorrow());

        assertInstanceOf(TaskChange.Changed.class, crm.tasks().cancel(task.id()));
        TaskChange.Refused refused = assertInstanceOf(TaskChange.Refused.class, crm.tasks().complete(task.id()));
        assertEquals("open-only", refused.rule());
        assertEquals(List.of(), crm.tasks().agenda(ANNA).tomorrow());
    }

    @Test
    void complete_unknownTask_isRefusedAsNotFound() {
        TaskChange.Refused refused = assertInstanceOf(TaskChange.Refused.class,
                crm.tasks().complete(new TaskId(new UUID(7, 7))));

        assertEquals("not-found", refused.rule());
    }

    @Test
    void remindersDue_showsOpenTasksWhoseReminderHasComeEarliestFirst() {
        Task later = crm.tasks().create(new NewTask("Later", NOW.plus(Duration.ofHours(5)),
                Optional.of(NOW.plus(Duration.ofHours(2))), ANNA, Optional.empty()));
        Task sooner = crm.tasks().create(new NewTask("Sooner", NOW.plus(Duration.ofHours(5)),
                Optional.of(NOW.plus(Duration.ofHours(1))), BEN, Optional.empty()));
        crm.tasks().create(NewTask.of("No reminder", NOW.plus(Duration.ofMinutes(30)), ANNA, Optional.empty()));

        assertEquals(List.of(), crm.tasks().remindersDue(10));
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(sooner.id()), crm.tasks().remindersDue(10).stream().map(Task::id).toList());
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(sooner.id(), later.id()), crm.tasks().remindersDue(10).stream().map(Task::id).toList());

        crm.tasks().complete(sooner.id());
        assertEquals(List.of(later.id()), crm.tasks().remindersDue(10).stream().map(Task::id).toList());
    }

    @Test
    void assign_givesTheLeadAnOwnerRecordsItAndPublishes() {
        Lead lead = lead();
        events.clear();

        Lead assigned = crm.leads().assign(lead.id(), Optional.of(BEN));

        assertEquals(Optional.of(BEN), assigned.owner());
        assertEquals(Optional.of(assigned), crm.leads().find(lead.id()));
        LeadEvent.LeadOwnerChanged changed = (LeadEvent.LeadOwnerChanged) events.stream()
                .filter(e -> e instanceof LeadEvent.LeadOwnerChanged).findFirst().orElseThrow();
        assertEquals(Optional.empty(), changed.from());
        assertTrue(crm.timeline().of(ref(lead), TimelineFilter.everything(), PageRequest.first(10)).items().stream()
                .anyMatch(a -> a.subject().equals("Lead assigned to ben")));
        assertEquals(assigned, crm.leads().assign(lead.id(), Optional.of(BEN)), "the same owner again changes nothing");
    }
}
