package dev.crmkit.pipeline.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.assignment.AssignmentOutcome;
import dev.crmkit.core.assignment.Policies;
import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.Team;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadCapture;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Task;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.deal.ConvertLead;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.LeadConversion;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Presets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every creating or changing command that takes an {@link IdempotencyKey} does its work once per key: calling it
 * again with the key returns the first outcome (as a retry after a commit whose outcome was unknown would), and a key
 * cannot be reused for another command (issue 19, item 1). Run against each store by a subclass.
 */
public abstract class KeyedCommandsContract {

    private static final Actor ANNA = Actor.of("anna", "sales");

    private Crm crm;
    private DealPipeline deals;
    private Pipeline b2b;

    /** A fresh, empty store that is both a CrmStore and a PipelineStore. */
    protected abstract CrmStore newStore();

    @BeforeEach
    void setUp() {
        CrmStore store = newStore();
        crm = Crm.builder().store(store).clock(Fixtures.CLOCK).ids(IdGenerator.seeded(19)).defaultRegion("DE")
                .build();
        deals = DealPipeline.builder().crm(crm).store((PipelineStore) store).build();
        b2b = deals.definePipeline(Presets.b2b());
    }

    @Test
    void capture_twiceWithOneKey_capturesOnce_andReturnsTheFirstOutcome() {
        LeadSubmission jane = jane("Quote please");
        IdempotencyKey key = IdempotencyKey.of("form-post-1");

        CaptureOutcome.NewLeadNewContact first = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class,
                crm.capture().capture(jane, key));
        CaptureOutcome.NewLeadNewContact again = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class,
                crm.capture().capture(jane, key));

        assertEquals(first.capturedLead().id(), again.capturedLead().id());
        assertEquals(first.contact().id(), again.contact().id());
        assertEquals(1, crm.leads().find(first.capturedLead().id()).orElseThrow().submissions(),
                "no phantom repeat");
        // without a key the same submission is a repeat, folded into the lead: that is what a retry used to do
        CaptureOutcome.DuplicateFolded repeat = assertInstanceOf(CaptureOutcome.DuplicateFolded.class,
                crm.capture().capture(jane));
        assertEquals(2, repeat.existingLead().submissions());
    }

    @Test
    void captureOnce_derivesTheKeyFromTheContent_soOnlyADifferentSubmissionIsARepeat() {
        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, crm.capture().captureOnce(jane("Quote please")));
        assertInstanceOf(CaptureOutcome.NewLeadNewContact.class, crm.capture().captureOnce(jane("Quote please")));
        CaptureOutcome.DuplicateFolded other = assertInstanceOf(CaptureOutcome.DuplicateFolded.class,
                crm.capture().captureOnce(jane("And a demo")));
        assertEquals(2, other.existingLead().submissions());
        assertEquals(LeadCapture.keyOf(jane("x")), LeadCapture.keyOf(jane("x")));
        assertTrue(!LeadCapture.keyOf(jane("x")).equals(LeadCapture.keyOf(jane("y"))));
    }

    @Test
    void openAndMove_twiceWithOneKey_openOneDeal_andMoveItOnce() {
        OpenDeal open = OpenDeal.of(b2b.id(), "Trucks", Money.of("1000.00", "EUR"), ANNA);
        Deal first = deals.open(open, IdempotencyKey.of("open-1"));
        Deal again = deals.open(open, IdempotencyKey.of("open-1"));
        assertEquals(first.id(), again.id());
        assertEquals(1, deals.deals(DealFilter.pipeline(b2b.id()), PageRequest.first(10)).items().size());

        MoveDeal move = MoveDeal.to(first.id(), "Solution search", ANNA);
        StageChange.StageChanged moved = assertInstanceOf(StageChange.StageChanged.class,
                deals.move(move, IdempotencyKey.of("move-1")));
        StageChange.StageChanged replayed = assertInstanceOf(StageChange.StageChanged.class,
                deals.move(move, IdempotencyKey.of("move-1")));
        assertEquals(moved.entry(), replayed.entry());
        assertEquals(moved.actionsRun(), replayed.actionsRun());
        assertEquals(moved.deal(), replayed.deal());
        assertEquals(2, deals.history(first.id()).size(), "opened and moved once");

        IllegalArgumentException reused = assertThrows(IllegalArgumentException.class,
                () -> deals.open(open, IdempotencyKey.of("move-1")));
        assertTrue(reused.getMessage().contains("was used for deal.move"), reused.getMessage());
    }

    @Test
    void convertAssignAndCreateATask_twiceWithOneKey_doEachOnce() {
        CaptureOutcome.NewLeadNewContact captured = assertInstanceOf(CaptureOutcome.NewLeadNewContact.class,
                crm.capture().capture(jane("Quote please")));
        var lead = captured.capturedLead().id();

        AssignmentOutcome.Assigned assigned = assertInstanceOf(AssignmentOutcome.Assigned.class,
                crm.assignment(Policies.roundRobin(Routing.everyoneTo(Team.of("sales", "ana", "ben")), u -> false), 7)
                        .assign(lead, IdempotencyKey.of("assign-1")));
        AssignmentOutcome.Assigned again = assertInstanceOf(AssignmentOutcome.Assigned.class,
                crm.assignment(Policies.roundRobin(Routing.everyoneTo(Team.of("sales", "ana", "ben")), u -> false), 7)
                        .assign(lead, IdempotencyKey.of("assign-1")));
        assertEquals(assigned, again, "the same decision, explanation included");

        crm.leads().changeStatus(lead, LeadStatus.QUALIFIED, "budget", Optional.empty());
        ConvertLead convert = new ConvertLead(lead, b2b.id(), "", Optional.empty(), Optional.empty(), ANNA);
        LeadConversion.Converted converted = assertInstanceOf(LeadConversion.Converted.class,
                deals.convert(convert, IdempotencyKey.of("convert-1")));
        LeadConversion.Converted reconverted = assertInstanceOf(LeadConversion.Converted.class,
                deals.convert(convert, IdempotencyKey.of("convert-1")), "not refused as converted already");
        assertEquals(converted.deal().id(), reconverted.deal().id());
        assertEquals(1, deals.deals(DealFilter.pipeline(b2b.id()), PageRequest.first(10)).items().size());

        NewTask call = NewTask.of("Call back", Fixtures.T0.plus(Duration.ofDays(1)), UserId.of("ana"),
                Optional.empty());
        Task task = crm.tasks().create(call, IdempotencyKey.of("task-1"));
        assertEquals(task.id(), crm.tasks().create(call, IdempotencyKey.of("task-1")).id());
        var agenda = crm.tasks().agenda(UserId.of("ana"));
        assertEquals(1, java.util.stream.Stream.of(agenda.overdue(), agenda.today(), agenda.tomorrow(),
                agenda.thisWeek()).flatMap(java.util.List::stream).filter(t -> t.title().equals("Call back")).count());
        assertEquals(task, crm.tasks().create(call, IdempotencyKey.of("task-1")));
    }

    private static LeadSubmission jane(String request) {
        return LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe").email("jane.doe@example.com")
                .request(request).build();
    }
}
