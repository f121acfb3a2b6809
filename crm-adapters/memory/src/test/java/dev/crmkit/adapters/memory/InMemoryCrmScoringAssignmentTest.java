package dev.crmkit.adapters.memory;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.assignment.AssignmentEvent;
import dev.crmkit.core.assignment.AssignmentOutcome;
import dev.crmkit.core.assignment.LeadAssignment;
import dev.crmkit.core.assignment.Policies;
import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.Team;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.scoring.LeadScoring;
import dev.crmkit.core.scoring.ScoreEvent;
import dev.crmkit.core.scoring.ScoringModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Crm} wires scoring, assignment and win probabilities to its store and its event publisher: what they
 * decide lands in the store's ports, and their events reach the subscriber.
 */
class InMemoryCrmScoringAssignmentTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Team SALES = Team.of("sales", "ana", "ben", "cem");

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private final IdGenerator ids = IdGenerator.seeded(11);
    private InMemoryCrmStore store;
    private Crm crm;

    @BeforeEach
    void setUp() {
        store = InMemoryCrmStore.create();
        crm = Crm.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC)).ids(IdGenerator.seeded(12))
                .events(events::add).defaultRegion("DE").build();
    }

    private Lead lead(int n) {
        return store.leads().insertOrGet(new Lead(new LeadId(ids.next()), 0, new ContactId(ids.next()),
                Optional.empty(), LeadSource.of(Channel.WEB_FORM), List.of(), "", PersonName.of("Lead", "No " + n),
                Optional.of(EmailAddress.parse("lead" + n + "@example.com")), Optional.empty(), "", Optional.empty(),
                LeadStatus.NEW, Optional.empty(), 1, CustomFields.empty(), T0, T0));
    }

    @Test
    void scoring_rescore_storesTheScoreInTheStoreAndPublishes() {
        Lead lead = lead(1);

        LeadScoring.Rescored rescored = crm.scoring().rescore(lead.id());

        assertEquals(Optional.of(rescored.stored()), store.leadScores().find(lead.id()));
        assertTrue(events.stream().anyMatch(e -> e instanceof ScoreEvent.LeadScoreChanged changed
                && changed.leadId().equals(lead.id())), "the first score is published: " + events);
    }

    @Test
    void rescoreOnEvents_captureAndLoggedActivity_rescoreTheLeadAfterCommit() {
        List<DomainEvent> seen = new CopyOnWriteArrayList<>();
        Crm rescoring = Crm.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC)).ids(IdGenerator.seeded(13))
                .events(seen::add).defaultRegion("DE").rescoreOnEvents().build();

        CaptureOutcome captured = rescoring.capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                .name("Mia", "Lange").email("mia@lange-bau.de").request("Please send the price list").build());
        LeadId lead = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, captured).capturedLead().id();
        int before = store.leadScores().find(lead).orElseThrow().score();
        rescoring.timeline().log(LogActivity.interaction(ActivityType.MEETING, Direction.OUTBOUND,
                "Discovery call: 25 seats", T0, new RecordRef(RecordType.LEAD, lead.value())));

        assertTrue(store.leadScores().find(lead).orElseThrow().score() > before, "the meeting counts: " + seen);
        assertTrue(seen.stream().anyMatch(e -> e instanceof ScoreEvent.LeadScoreChanged), seen.toString());
        assertThrows(IllegalStateException.class, () -> Crm.builder().rescoreOnEvents().rescoreOnEvents());
    }

    @Test
    void scoringModel_set_isTheModelInUse() {
        ScoringModel model = ScoringModel.builder().build();
        Crm withModel = Crm.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC)).defaultRegion("DE")
                .scoringModel(model).build();

        assertSame(model, withModel.scoring().model());
    }

    @Test
    void scoringModel_setTwice_failsNamingTheSetting() {
        Crm.Builder builder = Crm.builder().scoringModel(ScoringModel.standard());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder.scoringModel(ScoringModel.standard()));
        assertTrue(e.getMessage().startsWith("scoringModel was already set"), e.getMessage());
    }

    @Test
    void assignment_roundRobin_writesOwnersUsesTheStoresRotationAndPublishes() {
        LeadAssignment assignment = crm.assignment(Policies.roundRobin(Routing.everyoneTo(SALES), u -> false), 7L);
        List<Lead> leads = List.of(lead(1), lead(2), lead(3), lead(4));

        for (Lead lead : leads) {
            assertInstanceOf(AssignmentOutcome.Assigned.class, assignment.assign(lead.id()));
        }

        long owners = leads.stream().map(l -> store.leads().findById(l.id()).orElseThrow().owner().orElseThrow())
                .distinct().count();
        assertEquals(3, owners, "four leads over three people in rotation");
        assertEquals(4, store.assignmentState().advance("round-robin:sales"), "the store's rotation moved on");
        assertEquals(4, events.stream().filter(AssignmentEvent.LeadAssigned.class::isInstance).count());
    }

    @Test
    void assignment_nullPolicy_isRefused() {
        assertThrows(NullPointerException.class, () -> crm.assignment(null, 7L));
    }

    @Test
    void winProbabilities_setAndClear_goThroughTheStore() {
        LeadId lead = lead(1).id();

        crm.winProbabilities().setManual(lead, new BigDecimal("0.35"), UserId.of("ana"));
        assertEquals(0, new BigDecimal("0.35").compareTo(
                store.probabilityOverrides().find(lead).orElseThrow().probability()));

        crm.winProbabilities().clearManual(lead);
        assertEquals(Optional.empty(), store.probabilityOverrides().find(lead));
    }
}
