package dev.crmkit.core.assignment;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.StaleVersionException;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadAssignmentTest {

    private static final UserId ANNA = UserId.of("anna");
    private static final UserId BERND = UserId.of("bernd");
    private static final UserId BOSS = UserId.of("boss");

    private final TestWorld world = new TestWorld();
    private final MapAssignmentState state = new MapAssignmentState();
    private final Team dach = Team.of("dach", "anna", "bernd");
    private final RoutedPolicy policy = RoutedPolicy.routing(new Routing(List.of(
                    RoutingRule.when("german speakers", RoutingAttribute.LANGUAGE, Set.of("de"), dach)),
                    Team.owner(BOSS)))
            .strategy(Strategies.roundRobin()).build();
    private final LeadAssignment assignment = new LeadAssignment(world.leads, state, policy, world.timeline,
            world.context, 9L);

    private List<Activity> timelineOf(Lead lead) {
        return world.timeline.of(new RecordRef(RecordType.LEAD, lead.id().value()), TimelineFilter.everything(),
                PageRequest.first(100)).items();
    }

    @Test
    void assign_unassignedLead_storesOwnerRecordsTimelineAndPublishes() {
        Lead lead = world.lead("language", "de");

        AssignmentOutcome.Assigned assigned = assertInstanceOf(AssignmentOutcome.Assigned.class,
                assignment.assign(lead.id()));

        assertTrue(dach.has(assigned.owner()));
        assertEquals(Optional.of(assigned.owner()), world.leads.findById(lead.id()).orElseThrow().owner());
        Activity entry = timelineOf(lead).get(0);
        assertEquals("Lead assigned to " + assigned.owner() + " by round-robin", entry.subject());
        assertTrue(entry.body().contains("Routing rule 'german speakers' (language in [de]) matched: team dach."),
                entry.body());
        AssignmentEvent.LeadAssigned event = world.events(AssignmentEvent.LeadAssigned.class).get(0);
        assertEquals(assigned.owner(), event.to());
        assertEquals(assigned.explanation(), event.explanation());
        assertEquals(Optional.of(assigned.owner()), world.events(LeadEvent.LeadOwnerChanged.class).get(0).to());
    }

    @Test
    void assign_alreadyOwnedLead_isNotAssignedAgain() {
        Lead lead = world.leadOwnedBy(ANNA);

        AssignmentOutcome.NotAssigned outcome = assertInstanceOf(AssignmentOutcome.NotAssigned.class,
                assignment.assign(lead.id()));

        assertEquals("already-assigned", outcome.rule());
        assertTrue(world.events.isEmpty());
    }

    @Test
    void assign_leadClaimedElsewhere_isLeftToTheClaimer() {
        Lead lead = world.lead();
        state.claim(lead.id(), lead.version());

        AssignmentOutcome.NotAssigned outcome = assertInstanceOf(AssignmentOutcome.NotAssigned.class,
                assignment.assign(lead.id()));

        assertEquals("claimed-elsewhere", outcome.rule());
        assertEquals(Optional.empty(), world.leads.findById(lead.id()).orElseThrow().owner());
    }

    @Test
    void assign_nobodyAvailable_recordsWhyAndReleasesClaim() {
        RoutedPolicy allAway = RoutedPolicy.routing(Routing.everyoneTo(dach))
                .filter(MemberFilters.away(u -> true)).strategy(Strategies.roundRobin()).build();
        LeadAssignment awayAssignment = new LeadAssignment(world.leads, state, allAway, world.timeline,
                world.context, 9L);
        Lead lead = world.lead();

        AssignmentOutcome.NotAssigned outcome = assertInstanceOf(AssignmentOutcome.NotAssigned.class,
                awayAssignment.assign(lead.id()));

        assertEquals("nobody-available", outcome.rule());
        assertEquals(2, outcome.explanation().orElseThrow().skipped().size());
        assertEquals("Lead not assigned: nobody available", timelineOf(lead).get(0).subject());
        assertEquals(1, world.events(AssignmentEvent.LeadLeftUnassigned.class).size());
        assertTrue(state.claim(lead.id(), lead.version()), "the claim was given back");
    }

    @Test
    void assign_unknownLead_isRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> assignment.assign(new LeadId(UUID.fromString("00000000-0000-4000-8000-000000000001"))));
        assertEquals("leadId", e.violations().get(0).field());
    }

    @Test
    void assignUnassigned_assignsOnlyOpenLeadsWithoutOwner_roundRobin() {
        for (int i = 0; i < 10; i++) {
            world.lead("language", "de");
        }
        world.leadOwnedBy(BOSS, "language", "de");
        List<AssignmentOutcome> outcomes = new ArrayList<>();

        long assigned = assignment.assignUnassigned(outcomes::add);

        assertEquals(10, assigned);
        assertEquals(10, outcomes.size());
        assertEquals(5, world.leads.findByOwner(ANNA, PageRequest.first(100)).items().size());
        assertEquals(5, world.leads.findByOwner(BERND, PageRequest.first(100)).items().size());
    }

    @Test
    void reassignFrom_leavingOwner_movesOpenLeadsToTheOthers() {
        world.leadOwnedBy(ANNA, "language", "de");
        world.leadOwnedBy(ANNA, "language", "de");
        Lead closed = world.leadOwnedBy(ANNA, "language", "de");
        world.leads.update(Fixtures.moved(world.leads.findById(closed.id()).orElseThrow(),
                LeadStatus.DISQUALIFIED));

        List<AssignmentOutcome> outcomes = assignment.reassignFrom(ANNA);

        assertEquals(2, outcomes.size());
        for (AssignmentOutcome outcome : outcomes) {
            AssignmentOutcome.Assigned assigned = assertInstanceOf(AssignmentOutcome.Assigned.class, outcome);
            assertEquals(BERND, assigned.owner());
            assertEquals(Optional.of(ANNA), assigned.previousOwner());
            assertEquals("excluded", assigned.explanation().skipped().get(0).rule());
        }
        assertEquals(1, world.leads.findByOwner(ANNA, PageRequest.first(100)).items().size(),
                "the closed lead stays with its owner");
    }

    @Test
    void assign_leadChangedWhileDeciding_givesBackClaimAndQuotaAndDecidesAgainOnTheFreshLead() {
        Team capped = new Team("capped", List.of(Member.of("anna").withMonthlyCapacity(310)));
        AtomicInteger interfere = new AtomicInteger(1);
        LeadAssignment racing = new LeadAssignment(world.leads, state, Policies.capacity(Routing.everyoneTo(capped),
                u -> false), lead -> {
                    if (interfere.getAndDecrement() > 0) {
                        world.leads.update(lead.withCustomFields(lead.customFields(), world.clock.instant()));
                    }
                    return LeadProfile.of(lead);
                }, world.timeline, world.context, 9L);
        Lead lead = world.lead();

        AssignmentOutcome outcome = racing.assign(lead.id());

        assertInstanceOf(AssignmentOutcome.Assigned.class, outcome, outcome::toString);
        assertEquals(1, state.used("anna", LocalDate.ofInstant(world.clock.instant(), ZoneOffset.UTC)),
                "the first attempt's quota unit was given back");
        assertTrue(state.claim(lead.id(), lead.version()), "the first attempt's claim was given back");
        assertEquals(1, world.events(AssignmentEvent.LeadAssigned.class).size());
    }

    @Test
    void assign_leadChangingOnEveryAttempt_givesUpWithTheConflict_andLeavesNoQuotaUsed() {
        Team capped = new Team("capped", List.of(Member.of("anna").withMonthlyCapacity(310)));
        LeadAssignment racing = new LeadAssignment(world.leads, state, Policies.capacity(Routing.everyoneTo(capped),
                u -> false), lead -> {
                    world.leads.update(lead.withCustomFields(lead.customFields(), world.clock.instant()));
                    return LeadProfile.of(lead);
                }, world.timeline, world.context, 9L);
        Lead lead = world.lead();

        assertThrows(StaleVersionException.class, () -> racing.assign(lead.id()));

        assertEquals(0, state.used("anna", LocalDate.ofInstant(world.clock.instant(), ZoneOffset.UTC)));
        assertTrue(world.events(AssignmentEvent.class).isEmpty());
    }

    @Test
    void assign_capacityPolicy_stopsAtTheDailyQuotaAndResumesNextDay() {
        Team capped = new Team("capped", List.of(Member.of("anna").withMonthlyCapacity(62),
                Member.of("bernd").withMonthlyCapacity(31)));
        LeadAssignment byCapacity = new LeadAssignment(world.leads, state,
                Policies.capacity(Routing.everyoneTo(capped), u -> false), world.timeline, world.context, 9L);
        for (int i = 0; i < 5; i++) {
            world.lead();
        }

        long firstDay = byCapacity.assignUnassigned(o -> { });
        world.clock.advance(Duration.ofDays(1));
        long secondDay = byCapacity.assignUnassigned(o -> { });

        assertEquals(3, firstDay, "2 for anna and 1 for bernd in a 31-day month");
        assertEquals(2, secondDay);
        assertEquals(3, world.leads.findByOwner(ANNA, PageRequest.first(100)).items().size());
        assertEquals(2, world.leads.findByOwner(BERND, PageRequest.first(100)).items().size());
    }
}
