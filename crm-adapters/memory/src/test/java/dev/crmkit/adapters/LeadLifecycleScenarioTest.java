package dev.crmkit.adapters;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityEvent;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.capture.CaptureOutcome.DuplicateFolded;
import dev.crmkit.core.capture.CaptureOutcome.NewLeadNewContact;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.CompanyRole;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactEvent;
import dev.crmkit.core.contract.TestClock;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.LeadStatusChange;
import dev.crmkit.core.task.Agenda;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskChange;
import dev.crmkit.core.task.TaskEvent;
import dev.crmkit.kit.Crmkit;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.metrics.funnel.FunnelDefinition;
import dev.crmkit.metrics.funnel.FunnelStage;
import dev.crmkit.metrics.funnel.HistoryFunnel;
import dev.crmkit.metrics.funnel.StageEntry;
import dev.crmkit.metrics.funnel.StageHistoryFunnel;
import dev.crmkit.metrics.ltv.OrderHistoryLtv;
import dev.crmkit.metrics.order.Order;
import dev.crmkit.metrics.order.OrderBook;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.deal.ConvertLead;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.LeadConversion;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.Presets;
import dev.crmkit.pipeline.definition.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The story of one lead, told with the real services and the in-memory store: Jane Doe of Nordwind Logistik asks for
 * a quote on the web site, asks again in the chat two hours later with her address and number typed differently,
 * and ends up as one contact with one lead that Anna from sales follows up, works and qualifies.
 */
class LeadLifecycleScenarioTest {

    /** Monday 2 March 2026, 09:00 in Berlin. */
    private static final Instant MONDAY_9 = Instant.parse("2026-03-02T08:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final UserId ANNA = UserId.of("anna.sales");

    private final TestClock clock = TestClock.at(MONDAY_9, BERLIN);
    private final CrmkitStore store = InMemoryCrmStore.create();
    private final AfterCommitProbe published = new AfterCommitProbe(store);
    private final IdGenerator ids = IdGenerator.seeded(2026);
    private final Crmkit crmkit = Crmkit.builder() // one store, given once, for every module
            .store(store)
            .clock(clock)
            .ids(ids)
            .defaultRegion("DE")
            .events(published)
            .build();
    private final Crm crm = crmkit.crm();

    @AfterEach
    void stopProbe() {
        published.close();
    }

    @Test
    void webFormLeadAndLaterChatLeadFromTheSamePerson_endAsOneContactWithOneLeadThatIsWorkedAndQualified() {
        // Monday 09:00: Jane fills in the quote form on the web site; the form assigns Nordwind's region to Anna.
        CaptureOutcome fromWebForm = crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM)
                .name(" Jane ", "Doe")
                .email(" Jane.Doe@Nordwind-Logistik.de ")
                .phone("030 1234567")
                .company("Nordwind Logistik GmbH")
                .request("Quote for 3 refrigerated trucks")
                .externalId("form-4711")
                .owner(ANNA)
                .marketingConsent(true)
                .build());

        NewLeadNewContact captured = assertInstanceOf(NewLeadNewContact.class, fromWebForm, fromWebForm::toString);
        Lead lead = captured.capturedLead();
        Contact jane = captured.contact();
        Company nordwind = captured.company().orElseThrow(() -> new AssertionError("no company for Nordwind"));
        assertEquals("Jane Doe", jane.displayName());
        assertEquals(List.of(new EmailAddress("jane.doe@nordwind-logistik.de")), jane.emails());
        assertEquals(List.of(PhoneNumber.of("+49301234567")), jane.phones());
        assertEquals("Nordwind Logistik GmbH", nordwind.name());
        assertEquals(Optional.of(CompanyRole.EMPLOYEE),
                jane.affiliationWith(nordwind.id()).flatMap(a -> a.roles().stream().findFirst()));

        // Anna gets a follow-up task due within 24 hours, and it is on her agenda for tomorrow.
        Task followUp = single(crm.tasks().openAbout(ref(lead)));
        assertEquals(ANNA, followUp.assignee());
        assertTrue(!followUp.due().isAfter(MONDAY_9.plus(Duration.ofHours(24))) && followUp.due().isAfter(MONDAY_9),
                "due within 24 hours: " + followUp.due());
        assertEquals(List.of(followUp), crm.tasks().agenda(ANNA, BERLIN).tomorrow());

        // Monday 11:00: Jane asks in the chat, typing her address in capitals and her number internationally.
        clock.advance(Duration.ofHours(2));
        CaptureOutcome fromChat = crm.capture().capture(LeadSubmission.from(Channel.CHAT)
                .name("Jane", "Doe")
                .email("JANE.DOE@nordwind-logistik.DE")
                .phone("+49 30 1234567")
                .request("Can someone call me back today?")
                .externalId("chat-0815")
                .build());

        // The chat is folded into the open lead: still one contact, one lead, one follow-up task.
        DuplicateFolded folded = assertInstanceOf(DuplicateFolded.class, fromChat, fromChat::toString);
        assertEquals(lead.id(), folded.existingLead().id());
        assertEquals(jane.id(), folded.contact().id());
        assertEquals(2, folded.existingLead().submissions());
        assertEquals(List.of("form-4711", "chat-0815"), folded.existingLead().externalIds());
        assertEquals(1, store.contacts().count());
        assertEquals(1, store.leads().count());
        assertEquals(1, store.companies().count());
        assertEquals(List.of(followUp), crm.tasks().openAbout(ref(lead)));
        Agenda monday11 = crm.tasks().agenda(ANNA, BERLIN);
        assertEquals(List.of(followUp.id()), monday11.tomorrow().stream().map(Task::id).toList());
        assertEquals(List.of(), monday11.overdue());

        // Jane's timeline shows both captures, newest first.
        assertEquals(List.of(
                        "Repeat submission via chat (2 in all)",
                        "Lead captured via web form"),
                subjects(timelineOf(jane)));

        // Monday 11:30: Anna calls Jane back and starts working the lead.
        clock.advance(Duration.ofMinutes(30));
        LeadStatusChange working = crm.leads().changeStatus(lead.id(), LeadStatus.WORKING, "", Optional.of(ANNA));
        assertInstanceOf(LeadStatusChange.Changed.class, working, working::toString);
        assertInstanceOf(TaskChange.Changed.class, crm.tasks().complete(followUp.id()));
        assertEquals(new Agenda(List.of(), List.of(), List.of(), List.of()), crm.tasks().agenda(ANNA, BERLIN));

        // Tuesday 10:00: Nordwind's budget is approved; Anna qualifies the lead.
        clock.advance(Duration.ofHours(22).plusMinutes(30));
        LeadStatusChange qualified = crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED,
                "budget approved for a fleet of 12", Optional.of(ANNA));
        assertInstanceOf(LeadStatusChange.Changed.class, qualified, qualified::toString);

        // The lead is qualified, still with its two submissions; it is no longer new.
        Lead stored = crm.leads().find(lead.id()).orElseThrow();
        assertEquals(LeadStatus.QUALIFIED, stored.status());
        assertEquals(2, stored.submissions());
        assertEquals(Optional.of(ANNA), stored.owner());

        // Both status changes are on Jane's timeline and the lead's, above the two captures.
        List<String> story = List.of(
                "Lead status WORKING -> QUALIFIED: budget approved for a fleet of 12",
                "Lead status NEW -> WORKING",
                "Repeat submission via chat (2 in all)",
                "Lead captured via web form");
        assertEquals(story, subjects(timelineOf(jane)));
        assertEquals(story, subjects(crm.timeline().of(ref(lead), TimelineFilter.everything(), PageRequest.first(50))
                .items()));

        // Every event reached the subscriber after its unit of work had committed, in the order things happened.
        assertEquals(List.of(), published.failures());
        List<LeadEvent.LeadStatusChanged> moves = published.eventsOf(LeadEvent.LeadStatusChanged.class);
        assertEquals(List.of(LeadStatus.WORKING, LeadStatus.QUALIFIED),
                moves.stream().map(LeadEvent.LeadStatusChanged::to).toList());
        assertEquals(List.of(Optional.of(ANNA), Optional.of(ANNA)),
                moves.stream().map(LeadEvent.LeadStatusChanged::by).toList());
        assertEquals(List.of(
                        LeadEvent.LeadCaptured.class,
                        LeadEvent.DuplicateSubmissionFolded.class,
                        LeadEvent.LeadStatusChanged.class,
                        LeadEvent.LeadStatusChanged.class),
                published.eventsOf(LeadEvent.class).stream().map(Object::getClass).toList());
        assertEquals(1, published.eventsOf(ContactEvent.ContactCreated.class).size());
        assertEquals(1, published.eventsOf(TaskEvent.TaskCreated.class).size());
        assertEquals(4, published.eventsOf(ActivityEvent.ActivityLogged.class).size());
    }

    @Test
    void qualifiedLead_becomesADealThatIsRefusedOnceThenWon_andCountsInTheFunnelAndTheLtv() {
        // Monday 09:00: Jane asks for a quote; Anna qualifies the lead the same morning.
        NewLeadNewContact captured = assertInstanceOf(NewLeadNewContact.class, crm.capture().capture(
                LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe").email("jane.doe@nordwind-logistik.de")
                        .company("Nordwind Logistik GmbH").request("Quote for 3 refrigerated trucks").owner(ANNA)
                        .build()));
        clock.advance(Duration.ofHours(1));
        crm.leads().changeStatus(captured.capturedLead().id(), LeadStatus.QUALIFIED, "budget approved",
                Optional.of(ANNA));

        // Anna converts it into a deal of the B2B pipeline: linked to Jane and Nordwind, the lead marked converted.
        DealPipeline deals = crmkit.pipelines();
        Pipeline b2b = deals.definePipeline(Presets.b2b());
        Actor anna = Actor.of(ANNA.value(), "sales");
        Money amount = Money.of("48000.00", "EUR");
        LeadConversion conversion = deals.convert(new ConvertLead(captured.capturedLead().id(), b2b.id(), "",
                Optional.of(amount), Optional.of(LocalDate.of(2026, 4, 30)), anna));
        Deal deal = assertInstanceOf(LeadConversion.Converted.class, conversion, conversion::toString).deal();
        assertEquals(Optional.of(captured.contact().id()), deal.contactId());
        assertEquals(captured.company().map(Company::id), deal.companyId());
        assertEquals("Need identified", deal.stage());
        assertEquals(LeadStatus.CONVERTED, crm.leads().find(captured.capturedLead().id()).orElseThrow().status());

        // Jumping straight to Agreement is refused with every reason at once, and changes nothing.
        StageChange jump = deals.move(MoveDeal.to(deal.id(), "Agreement", anna));
        StageChange.StageChangeRejected refused = assertInstanceOf(StageChange.StageChangeRejected.class, jump);
        assertEquals(List.of("no-skipping", "required-documents"),
                refused.reasons().stream().map(Refusal::rule).toList());
        assertEquals(deal, deals.deal(deal.id()).orElseThrow());

        // Stage by stage, with the approved offer and then the signed contract, it is won.
        for (String stage : List.of("Solution search", "Options evaluated")) {
            clock.advance(Duration.ofDays(2));
            assertInstanceOf(StageChange.StageChanged.class, deals.move(MoveDeal.to(deal.id(), stage, anna)));
        }
        deals.attachDocument(deal.id(), "offer", "approved");
        clock.advance(Duration.ofDays(3));
        StageChange agreement = deals.move(MoveDeal.to(deal.id(), "Agreement", anna));
        assertInstanceOf(StageChange.StageChanged.class, agreement, agreement::toString);
        Task callBack = single(crm.tasks().openAbout(new RecordRef(RecordType.DEAL, deal.id().value())));
        assertEquals(ANNA, callBack.assignee());
        assertEquals(clock.instant().plus(Duration.ofHours(24)), callBack.due());
        deals.attachDocument(deal.id(), "contract", "signed");
        clock.advance(Duration.ofDays(1));
        StageChange won = deals.move(MoveDeal.to(deal.id(), "Deal", anna));
        Deal closed = assertInstanceOf(StageChange.StageChanged.class, won, won::toString).deal();
        assertEquals(Optional.of(clock.instant()), closed.wonAt());

        // The stage history is the whole way, and it makes a funnel the deal passed completely, won.
        List<StageHistoryEntry> history = deals.history(deal.id());
        assertEquals(List.of("Need identified", "Solution search", "Options evaluated", "Agreement", "Deal"),
                history.stream().map(StageHistoryEntry::to).toList());
        List<String> open = List.of("Need identified", "Solution search", "Options evaluated", "Agreement", "Deal");
        HistoryFunnel funnel = StageHistoryFunnel.analyze(history.stream()
                        .map(e -> StageEntry.of(e.dealId().toString(), e.to(), e.at())).toList(),
                new FunnelDefinition(open, "Deal", Optional.of("Lost")), Map.of(deal.id().toString(), amount));
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L), funnel.funnel().stages().stream().map(FunnelStage::count).toList());
        assertEquals(1, funnel.won());
        assertEquals(Optional.of(amount), funnel.averageWonDealSize());
        assertEquals(Optional.of(Duration.ofDays(8)), funnel.averageWonCycle(), "opened Monday 10:00, won 8 days on");

        // The won deal is Nordwind's first order: its order-history LTV starts from exactly that amount.
        OrderBook orders = OrderBook.of(List.of(new Order(closed.companyId().orElseThrow().toString(),
                LocalDate.ofInstant(closed.wonAt().orElseThrow(), BERLIN), amount)));
        OrderHistoryLtv ltv = OrderHistoryLtv.of(orders, LocalDate.of(2026, 3, 31), 90, BigDecimal.ONE);
        assertEquals(amount, ltv.stats().revenue());
        assertEquals(amount, ltv.stats().averageOrderValue());
        assertEquals(1, ltv.stats().customers());
    }

    private List<Activity> timelineOf(Contact contact) {
        return crm.timeline().of(new RecordRef(RecordType.CONTACT, contact.id().value()), TimelineFilter.everything(),
                PageRequest.first(50)).items();
    }

    private static RecordRef ref(Lead lead) {
        return new RecordRef(RecordType.LEAD, lead.id().value());
    }

    private static List<String> subjects(List<Activity> activities) {
        return activities.stream().map(Activity::subject).toList();
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), items::toString);
        return items.get(0);
    }

    /**
     * A subscriber that checks, for each event as it arrives, that another thread already sees what the event tells
     * of in the store: only true once the unit of work that published it has committed. (A unit of work of the
     * in-memory store holds its write lock, so a read from another thread before the commit would wait; a database
     * reader on another connection would not see the rows.)
     */
    private static final class AfterCommitProbe implements DomainEvents, AutoCloseable {

        private final CrmStore store;
        private final ExecutorService reader = Executors.newSingleThreadExecutor();
        private final List<DomainEvent> received = new CopyOnWriteArrayList<>();
        private final List<String> failures = new CopyOnWriteArrayList<>();

        AfterCommitProbe(CrmStore store) {
            this.store = store;
        }

        @Override
        public void publish(DomainEvent event) {
            received.add(event);
            Supplier<Boolean> visible = visibilityOf(event);
            try {
                if (!reader.submit(visible::get).get(5, TimeUnit.SECONDS)) {
                    failures.add(event + " arrived before another thread could see its effect");
                }
            } catch (TimeoutException e) {
                failures.add(event + " arrived while its unit of work still held the store");
            } catch (Exception e) {
                failures.add(event + " could not be checked: " + e);
            }
        }

        private Supplier<Boolean> visibilityOf(DomainEvent event) {
            if (event instanceof LeadEvent.LeadCaptured e) {
                return () -> lead(e.leadId()).isPresent();
            }
            if (event instanceof LeadEvent.DuplicateSubmissionFolded e) {
                return () -> lead(e.leadId()).map(Lead::submissions).orElse(0) >= e.submissions();
            }
            if (event instanceof LeadEvent.LeadStatusChanged e) {
                return () -> lead(e.leadId()).map(Lead::status).orElse(null) == e.to();
            }
            if (event instanceof ContactEvent.ContactCreated e) {
                return () -> store.contacts().findById(e.contactId()).isPresent();
            }
            if (event instanceof ActivityEvent.ActivityLogged e) {
                return () -> store.activities().findById(e.activityId()).isPresent();
            }
            if (event instanceof TaskEvent.TaskCreated e) {
                return () -> store.tasks().findById(e.taskId()).isPresent();
            }
            return () -> store.contacts().count() >= 0;
        }

        private Optional<Lead> lead(LeadId id) {
            return store.leads().findById(id);
        }

        <E> List<E> eventsOf(Class<E> type) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<String> failures() {
            return failures;
        }

        @Override
        public void close() {
            reader.shutdownNow();
        }
    }
}
